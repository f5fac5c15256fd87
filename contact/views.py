"""The contact form and its thank-you page. The view parses and renders; services.py does the work."""

from urllib.parse import urlsplit

from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_safe

from restoration.http import site_origin

from . import spam
from .forms import InquiryForm, form_markup, normalise_source_page, preset_answers
from .promise import forget_choices, remember_choices, reply_promise, thanks_promise
from .services import inquiry_submit


def source_page_of(request):
    """The path on this site the visitor came from: ``?from=``, else a same-site Referer; "" otherwise."""
    came_from = request.GET.get("from") or request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(came_from, allowed_hosts={request.get_host()}):
        return ""
    return normalise_source_page(urlsplit(came_from).path)


# Never cached anywhere: the page carries a per-visitor CSRF token and time-trap.
@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def contact_form(request):
    if request.method != "POST":
        form = InquiryForm(initial={"source_page": source_page_of(request), **preset_answers(request.GET)})
        return render_form(request, form)
    form = InquiryForm(request.POST)
    if not form.is_valid():
        form.renew_time_trap()
        # 409: this copy of the form was sent before; the page says so and offers to send it again.
        return render_form(request, form, status=409 if form.already_sent else 200)
    if not spam.count_submission(request):
        return render(request, "429.html", status=429)
    inquiry = inquiry_submit(form, site_origin=site_origin(request), language=request.LANGUAGE_CODE)
    response = redirect("contact:thanks")
    remember_choices(response, inquiry)
    return response


def render_form(request, form, status=200):
    """The form, with when admissions would reply to a message sent now."""
    context = {"form": form, "form_fields": form_markup(form), "reply_promise": reply_promise(timezone.now())}
    return render(request, "contact/form.html", context, status=status)


@never_cache
@require_safe
def thanks(request):
    response = render(request, "contact/thanks.html", {"promise": thanks_promise(request)})
    forget_choices(request, response)
    return response
