"""Project package for the Restoration Recovery Center website."""
