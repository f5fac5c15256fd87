"""What every template needs: the site-wide settings record and the address of the main program page."""

from django.urls import reverse

from .models import Program, SiteSettings


def site_settings(request):
    return {
        "site": SiteSettings.load(),
        "main_program_url": reverse("pages:program", args=[Program.MAIN_SLUG]),
    }
