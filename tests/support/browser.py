"""What every Chromium run shares: where Debian puts the browser, its flags, and the two widths pages are seen at.

The browser tests and tools/screenshots.py both start it this way.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE_WIDTH, DESKTOP_WIDTH = 390, 1280
