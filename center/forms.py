"""The admin's forms for weekly hours (opening hours, a program's sessions): times typed as people write them, and
a single day without repeating it as the last one."""

import datetime
import re

from django import forms
from django.forms.models import BaseInlineFormSet

from .models import Weekday

# "6 pm", "6:00 PM", "6:00 p.m.", "18:00", "18.00", "18 h", and Spanish's "6 p. m.", "6 de la tarde", "las 18:00".
_CLOCK = re.compile(r"^(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2})(?::\d{2})?)?$")
_MORNING = re.compile(r"\s*(?:a\.?\s*m\.?|de la mañana|de la madrugada)$")
_AFTERNOON = re.compile(r"\s*(?:p\.?\s*m\.?|de la tarde|de la noche|del mediodía)$")
_TWENTY_FOUR_HOUR_SUFFIX = re.compile(r"\s*(?:h|hs|hrs|horas)$")
_NOON = {"noon", "midday", "12 noon", "mediodía", "mediodia"}


def parse_time_of_day(text):
    """The time of day ``text`` names in English or Spanish, or None when it names none."""
    text = " ".join(text.lower().split())
    if text in _NOON:
        return datetime.time(12)
    text = re.sub(r"^(?:a las|las|a la|la)\s+", "", text)
    text, morning = _MORNING.subn("", text)
    text, afternoon = _AFTERNOON.subn("", text)
    text = _TWENTY_FOUR_HOUR_SUFFIX.sub("", text)
    match = _CLOCK.match(text.strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if morning or afternoon:  # the 12-hour clock
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if afternoon else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


class ClockTimeField(forms.TimeField):
    """A time of day as staff write it: "6 pm", "6:00 PM" and "18:00" alike, or their Spanish forms."""

    default_error_messages = {"invalid": "Enter a time of day, such as 9 a.m., 6:00 PM or 18:00."}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.time):
            return value
        parsed = parse_time_of_day(str(value))
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


class WeeklyHoursForm(forms.ModelForm):
    """A row of weekly hours (center.models.WeeklyHours): forgiving times, and an empty last day for a single day."""

    class Meta:
        field_classes = {"opens": ClockTimeField, "closes": ClockTimeField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        last_day = self.fields["last_day"]
        last_day.required = False
        last_day.choices = [("", "Same as the first day"), *Weekday.choices]
        for name in ("opens", "closes"):
            self.fields[name].widget.format = "%-I:%M %p"  # "6:00 PM", as the site and staff write it

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("last_day") and cleaned_data.get("first_day"):
            cleaned_data["last_day"] = cleaned_data["first_day"]
        return cleaned_data


class LabelledRowsFormSet(BaseInlineFormSet):
    """A table of rows (the admin's tabular inline) whose every input is named for screen readers: "From, row 2".

    The table's column headings are not labels, so each input would otherwise have no accessible name (WCAG 4.1.2).
    """

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = f"row {index + 1}" if index is not None else "new row"
        for field in form.fields.values():
            field.widget.attrs.setdefault("aria-label", f"{field.label}, {row}")
