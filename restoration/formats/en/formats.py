"""English dates as the site has always written them: "October 1, 2026" (Django's own: "Oct. 1, 2026").

Templates write ``|date:"DATE_FORMAT"``, so a Spanish page says "1 de octubre de 2026" from Django's Spanish formats.
"""

DATE_FORMAT = "F j, Y"
