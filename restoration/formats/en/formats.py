"""English dates spelled out in full, as the site has always written them: "December 1, 2026"."""

DATE_FORMAT = "F j, Y"
