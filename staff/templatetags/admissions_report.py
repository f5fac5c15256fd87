"""How the admissions report writes a wait: in business hours, the way staff say it."""

from django import template

from staff.reports import business_duration

register = template.Library()


@register.filter(name="business_duration")
def business_duration_filter(wait):
    """ "3 h 5 min" for a wait, or an em dash when there is none to show."""
    return "—" if wait is None else business_duration(wait)
