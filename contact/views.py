"""The contact page. The confidential inquiry form arrives with its own issue (#5)."""

from django.shortcuts import render


def contact_form(request):
    return render(request, "contact/contact.html")
