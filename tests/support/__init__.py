"""What tests, system tests and tools share: builders, the HTML reader, the scripted visitor and the servers.

Test modules and conftest files import from here and never from each other; tools/ imports from here too.
"""
