"""What every template needs from the content: the address of the main program page."""

from django.urls import reverse

from .models import Program


def main_program(request):
    return {"main_program_url": reverse("pages:program", args=[Program.MAIN_SLUG])}
