"""English dates as the site has always written them, "January 1, 2026" (Django's own is "Jan. 1, 2026").

Templates write ``date:"DATE_FORMAT"`` so that each language gets its own order: "1 de enero de 2026" in Spanish.
"""

DATE_FORMAT = "F j, Y"
