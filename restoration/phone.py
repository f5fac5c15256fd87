"""Telephone numbers, read one way across the site: a North American number without its country code 1.

The contact form formats what a visitor typed, staff search finds an inquiry by any spelling of its number, and
the click-to-call links dial the center: all three agree because all three start from ``national_digits``.
"""

import re


def national_digits(value):
    """Digits only, without a leading US country code: "+1 (916) 555-0142" and "916.555.0142" give the same."""
    digits = re.sub(r"\D", "", value)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def tel_href(value):
    """A ``tel:`` link target in international form: +1 and the ten digits of a US number, else + and the digits."""
    digits = national_digits(value)
    return f"tel:+1{digits}" if len(digits) == 10 else f"tel:+{digits}"
