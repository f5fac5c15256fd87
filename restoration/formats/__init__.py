"""The site's own date formats, where Django's for a language are not how the site writes a date."""
