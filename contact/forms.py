"""The contact form: short, kind, validated on the server, rendered with crispy-forms (Bootstrap 5)."""

import functools
import re
from urllib.parse import urlsplit

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from crispy_forms.utils import render_crispy_form
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from restoration.phone import national_digits

from .models import Inquiry
from .promise import BEST_TIME_CHOICES
from .spam import TimeTrapRejected, read_time_trap, spend_time_trap, time_trap_token

PHONE_HELP = _("US numbers like (916) 555-0123; start other countries with +.")
MESSAGE_HELP = _("Please don’t include medical details — we’ll talk about them privately.")
CONSENT_LABEL = _(
    "I agree that the admissions team may keep these details and use them only to reply to this inquiry, "
    "in the way I chose above."
)
INSURANCE_CHECK_HELP = _(
    "If you have your insurance card to hand, you may add its details below; if not, we’ll ask when we reply."
)
INSURANCE_LEGEND = _("Your insurance details (optional)")
INSURANCE_HELP = _(
    "Only if you’d like your insurance checked. They’re kept encrypted, used only to check your benefits, and never "
    "sent by email."
)
# Each language by its own name, marked with its language for screen readers, whichever page the form is on.
PREFERRED_LANGUAGE_CHOICES = [
    (Inquiry.PreferredLanguage.ENGLISH, mark_safe('<span lang="en">English</span>')),
    (Inquiry.PreferredLanguage.SPANISH, mark_safe('<span lang="es">Español</span>')),
    (Inquiry.PreferredLanguage.OTHER, _("Another language")),
]

# Shown beside "Text message" and, when the visitor chooses it, stored with the inquiry as their consent to texts:
# what messages come, that rates may apply, STOP and HELP (what carriers ask of business texting), and where the
# privacy policy says mobile numbers and consent are not shared.
TEXT_CONSENT = _(
    "By choosing text messages, you agree that our admissions team may text you about this inquiry, to answer your "
    "questions and arrange a time to talk. Message and data rates may apply. Reply %(stop)s to stop, %(help)s for "
    "help."
)
TEXT_CONSENT_PRIVACY_LINK = _("Our privacy policy")
# The words a phone sends back, in English whatever the page's language: carriers act on them as they are.
TEXTING_KEYWORDS = {"stop": "STOP", "help": "HELP"}


def text_consent_words():
    """The texting terms as plain words in the page's language: what the inquiry keeps as the consent given."""
    return str(TEXT_CONSENT) % TEXTING_KEYWORDS


def text_consent_markup():
    """The texting terms for the form, the keywords marked as English on a page in another language."""
    english_page = translation.get_language() == settings.LANGUAGE_CODE
    keywords = {
        name: word if english_page else format_html('<span lang="en">{}</span>', word)
        for name, word in TEXTING_KEYWORDS.items()
    }
    return mark_safe(conditional_escape(str(TEXT_CONSENT)) % keywords)  # noqa: S308 - escaped, and escaped words


# Typed by a visitor who asked for an insurance check: stored only with that choice ticked.
INSURANCE_FIELDS = ["insurance_payer", "insurance_member_id", "insurance_group_number", "insurance_policy_holder"]
ALREADY_SENT = _(
    "This form was already sent, so we didn’t take it a second time. If you saw our thank-you page, your message "
    "reached us and there is nothing more to do. If you’re not sure, press “Send my message” to send it again: "
    "your details are still filled in."
)


def normalise_phone(value):
    """A US number as (916) 555-0123, another country's as +<digits>; ValidationError if it can't be a number."""
    if re.search(r"[^\d\s().+\-/]", value):
        raise ValidationError(gettext("Please use only digits, spaces, brackets and dashes in the phone number."))
    digits = national_digits(value)
    # "+" and a country code other than 1 (which national_digits drops) is another country's number.
    if value.strip().startswith("+") and not re.sub(r"\D", "", value).startswith("1"):
        if 8 <= len(digits) <= 15:
            return f"+{digits}"
        raise ValidationError(gettext("Please check the phone number: an international number has 8 to 15 digits."))
    if len(digits) != 10:
        raise ValidationError(gettext("Please enter a 10-digit phone number, like (916) 555-0123."))
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


# "Who is this for?" as a link may preset it: /contact/?for=loved-one, from the For families page.
INQUIRY_FOR_IN_LINKS = {choice.value.replace("_", "-"): choice.value for choice in Inquiry.InquiryFor}


def preset_answers(query):
    """The answers a link to the form chose in advance (``?for=loved-one``, ``?insurance=1``); others are ignored."""
    preset = {}
    if inquiry_for := INQUIRY_FOR_IN_LINKS.get(query.get("for", "")):
        preset["inquiry_for"] = inquiry_for
    if query.get("insurance") == "1":
        preset["insurance_check"] = True
    return preset


def normalise_source_page(value):
    """A path on this site (no host, query or fragment), or "" if ``value`` is anything else."""
    parts = urlsplit((value or "").strip())
    path = parts.path
    if parts.scheme or parts.netloc or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return ""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in path):
        return ""
    return path[:200]


class InquiryForm(forms.ModelForm):
    """What a visitor sends us. Spam signals (honeypot, time-trap) are read here and judged in spam.py."""

    # A trap for bots: hidden with CSS, skipped by keyboard and screen readers, so people leave it empty.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Inquiry
        fields = [*Inquiry.SUBMITTED_FIELDS, *INSURANCE_FIELDS]
        labels = {
            "name": _("Your name"),
            "email": _("Email address"),
            "phone": _("Phone number"),
            "preferred_contact": _("How should we contact you?"),
            "voicemail_ok": _("It’s OK to leave a voicemail"),
            "best_time": _("Best time to reach you"),
            "preferred_language": _("Which language should we use?"),
            "other_language": _("If another language, which one?"),
            "inquiry_for": _("Who is this for?"),
            "program": _("Program you’re asking about"),
            "insurance_check": _("I’d like my insurance checked"),
            "message": _("Anything you’d like us to know (optional)"),
            "consent": CONSENT_LABEL,
            "insurance_payer": _("Insurance company"),
            "insurance_member_id": _("Member ID"),
            "insurance_group_number": _("Group number"),
            "insurance_policy_holder": _("Policy holder’s name, if it isn’t yours"),
        }
        help_texts = {
            "name": _("A first name is fine."),
            "email": _("Give an email address, a phone number, or both."),
            "phone": PHONE_HELP,
            "voicemail_ok": _("We won’t leave a message unless you tick this."),
            "other_language": _("We’ll arrange an interpreter, at no cost to you."),
            "insurance_check": INSURANCE_CHECK_HELP,
            "message": MESSAGE_HELP,
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "preferred_contact": forms.RadioSelect,
            "best_time": forms.RadioSelect,
            "preferred_language": forms.RadioSelect,
            "other_language": forms.TextInput(attrs={"autocomplete": "off"}),
            "inquiry_for": forms.RadioSelect,
            # Radios, not a select: a program's name wraps on a phone instead of being cut off.
            "program": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 4}),
            "source_page": forms.HiddenInput,
            "insurance_payer": forms.TextInput(attrs={"autocomplete": "off"}),
            "insurance_member_id": forms.TextInput(attrs={"autocomplete": "off"}),
            "insurance_group_number": forms.TextInput(attrs={"autocomplete": "off"}),
            "insurance_policy_holder": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = gettext(
            "Please tick the box so we may use your details to reply."
        )
        for name in ("preferred_contact", "inquiry_for"):
            self.fields[name].choices = self.fields[name].choices[1:]  # a radio list needs no blank choice
        self.fields["best_time"].choices = BEST_TIME_CHOICES
        self.fields["preferred_language"].choices = PREFERRED_LANGUAGE_CHOICES
        if not self.is_bound:
            self.initial.setdefault("preferred_language", translation.get_language())
        self.fields["name"].error_messages["required"] = gettext("Please tell us your name, or a first name.")
        self.fields["preferred_contact"].error_messages["required"] = gettext(
            "Please choose how we should contact you."
        )
        self.fields["inquiry_for"].error_messages["required"] = gettext("Please choose who this inquiry is for.")
        self.fields["best_time"].error_messages["required"] = gettext("Please choose the best time to reach you.")
        self.fields["program"].error_messages["required"] = gettext("Please choose a program, or “Not sure yet”.")
        self.fields["email"].error_messages["invalid"] = gettext("Please enter an email address like name@example.com.")
        if not self.is_bound:
            self.initial.setdefault("started", time_trap_token())
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own {% csrf_token %} is its one token (contact/form.html)
        submitted = list(Inquiry.SUBMITTED_FIELDS)
        after_check = submitted.index("insurance_check") + 1
        # Shown to everyone without JavaScript; static/js/insurance-details.js hides it until the box is ticked.
        insurance = Fieldset(
            INSURANCE_LEGEND,
            HTML(f'<p class="form-text" id="insurance-details-help">{INSURANCE_HELP}</p>'),
            *INSURANCE_FIELDS,
            css_id="insurance-details",
            css_class="insurance-details",
            aria_describedby="insurance-details-help",
        )
        # Beside the choice of "Text message"; static/js/text-consent.js shows it only while that is chosen.
        text_consent = HTML(
            format_html(
                '<p class="form-text text-consent" id="text-consent">{} <a href="{}">{}</a>.</p>',
                text_consent_markup(),
                reverse("pages:page", args=["privacy"]),
                TEXT_CONSENT_PRIVACY_LINK,
            )
        )
        after_contact = submitted.index("preferred_contact") + 1
        self.helper.layout = Layout(
            *submitted[:after_contact],
            text_consent,
            *submitted[after_contact:after_check],
            insurance,
            *submitted[after_check:],
            Div("website", css_class="contact-hp", aria_hidden="true"),
            "started",
        )

    def clean_name(self):
        # Collapsing whitespace also removes CR/LF, so a name can never break a line in an email or CSV.
        return " ".join(self.cleaned_data["name"].split())

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        return normalise_phone(phone) if phone else ""

    def _check_other_language(self, cleaned):
        """Which language, asked only of a visitor who chose another; typed otherwise, dropped."""
        other = " ".join(cleaned.get("other_language", "").split())
        if cleaned.get("preferred_language") != Inquiry.PreferredLanguage.OTHER:
            other = ""
        elif "other_language" in cleaned and not other:
            self.add_error("other_language", gettext("Please tell us which language you’d like us to use."))
        cleaned["other_language"] = other

    def _drop_insurance_unless_asked(self, cleaned):
        """Plan details are kept only from a visitor who ticked the insurance check; typed otherwise, dropped."""
        for name in INSURANCE_FIELDS:
            value = " ".join(cleaned.get(name, "").split())
            cleaned[name] = value if cleaned.get("insurance_check") else ""

    def clean_source_page(self):
        return normalise_source_page(self.cleaned_data["source_page"])

    def clean_started(self):
        try:
            return read_time_trap(self.cleaned_data["started"])
        except TimeTrapRejected:
            raise ValidationError(
                gettext(
                    "For your security, please send the form again: it was open for a long time, or came from an "
                    "old copy of the page. Your details are still filled in."
                ),
                code="expired",
            ) from None

    def clean(self):
        cleaned = super().clean()
        self._drop_insurance_unless_asked(cleaned)
        self._check_other_language(cleaned)
        email, phone, method = cleaned.get("email"), cleaned.get("phone"), cleaned.get("preferred_contact")
        if "email" in cleaned and "phone" in cleaned and not email and not phone:
            self.add_error("email", gettext("Please give an email address or a phone number so we can reply."))
        elif method == Inquiry.ContactMethod.EMAIL and "email" in cleaned and not email:
            self.add_error("email", gettext("You asked us to reply by email, so please give an email address."))
        elif method in {Inquiry.ContactMethod.PHONE, Inquiry.ContactMethod.TEXT} and "phone" in cleaned and not phone:
            self.add_error("phone", gettext("You asked us to call or text, so please give a phone number."))
        # Choosing texts beside their terms is the consent, kept with the inquiry in the words the visitor read.
        self.instance.text_consent = text_consent_words() if method == Inquiry.ContactMethod.TEXT else ""
        # Last, so that only a send we would accept uses up this copy of the form.
        if not self.errors and not spend_time_trap(cleaned["started"]):
            self.add_error("started", ValidationError(ALREADY_SENT, code="already_sent"))
        return cleaned

    @property
    def already_sent(self):
        """True when this copy of the form had been sent before (see spam.spend_time_trap)."""
        return self.has_error("started", "already_sent")

    def renew_time_trap(self):
        """Give a re-shown form a fresh token: the visitor's next attempt is timed from now."""
        self.data = self.data.copy()
        self.data["started"] = time_trap_token()


# What differs from one visitor's blank form to the next: the time-trap token and the page they came from.
PER_VISITOR_FIELDS = ("started", "source_page")


# crispy follows each required field's label with "*", which a screen reader reads aloud as "star" on every field
# although each input already says it is required; the page says once, in words, what the asterisk means.
SPOKEN_ASTERISK = '<span class="asteriskField">*</span>'
SILENT_ASTERISK = '<span class="asteriskField" aria-hidden="true">*</span>'


def rendered_fields(form):
    """The form's fields rendered afresh by crispy-forms, their asterisks hidden from screen readers."""
    return mark_safe(render_crispy_form(form).replace(SPOKEN_ASTERISK, SILENT_ASTERISK))  # noqa: S308 - crispy's markup


def form_markup(form):
    """The form's fields as crispy-forms renders them (Bootstrap 5).

    A blank form looks the same to every visitor but for PER_VISITOR_FIELDS, and crispy takes several milliseconds
    to render one through its many small templates: so a blank form is rendered once per process for each language
    and each set of answers a link may choose in advance (a handful), with a marker in those fields, and each
    visitor's values are filled into a copy. A form sent back with errors is rendered afresh.
    """
    if form.is_bound:
        return rendered_fields(form)
    answers = tuple(sorted((name, value) for name, value in form.initial.items() if name not in PER_VISITOR_FIELDS))
    markup = _blank_form_markup(translation.get_language(), answers)
    for name in PER_VISITOR_FIELDS:
        value = form[name].field.widget.format_value(form[name].value())
        markup = markup.replace(f' value="{_marker(name)}"', "" if value is None else f' value="{escape(value)}"')
    return mark_safe(markup)  # noqa: S308 - crispy's own markup, and escaped values


def _marker(name):
    """What a per-visitor field holds in the once-rendered copy, until a visitor's value replaces it."""
    return f"per-visitor-{name}"


@functools.lru_cache(maxsize=64)
def _blank_form_markup(language, answers):
    """Markup of a blank form in ``language`` with ``answers`` chosen, the per-visitor fields holding markers."""
    markers = {name: _marker(name) for name in PER_VISITOR_FIELDS}
    return str(rendered_fields(InquiryForm(initial={**dict(answers), **markers})))
