"""The site's own date formats, where they differ from Django's for a language (FORMAT_MODULE_PATH)."""
