"""The privacy policy's effective date and CalOPPA sections, and the recovery-residence disclosure (H&SC §11857.3)
on the program and About pages, in both languages."""

import datetime

import pytest
from django.utils import timezone

from pages.models import ContentPage, Program
from tests.support.builders import fill_site_settings
from tests.support.htmlpage import parse_html

PRIVACY = {"en": "/privacy/", "es": "/es/privacy/"}
ABOUT_AND_PROGRAM = {
    "en": ["/about/", f"/programs/{Program.MAIN_SLUG}/"],
    "es": [f"/es/programs/{Program.MAIN_SLUG}/"],
}
SENTENCES = {
    "en": {
        "effective": "Effective date: March 2, 2026",
        "changes": "When we change this policy, we post the new version on this page and change the effective date",
        "tracking": "there is nothing for a Do Not Track or Global Privacy Control signal to turn off",
        "cmia": "California’s Confidentiality of Medical Information Act (CMIA",
        "texting": "Message and data rates may apply. Reply STOP to stop, HELP for help. We do not share your mobile "
        "number or your consent to receive texts with anyone",
    },
    "es": {
        "effective": "Fecha de vigencia: 2 de marzo de 2026",
        "changes": "Cuando cambiamos esta política, publicamos la nueva versión en esta página y cambiamos la fecha de "
        "vigencia",
        "tracking": "una señal de “Do Not Track” (no rastrear) o de “Global Privacy Control” (control global de "
        "privacidad) no tiene nada que desactivar",
        "cmia": "La Ley de Confidencialidad de la Información Médica de California (CMIA",
        "texting": "Responda STOP para dejar de recibirlos y HELP para pedir ayuda. No compartimos con nadie su número "
        "de celular ni su consentimiento",
    },
}


@pytest.mark.parametrize("language", PRIVACY)
def test_the_privacy_policy_gives_its_effective_date_changes_tracking_signals_cmia_and_texting(
    client, seeded, language
):
    page = ContentPage.objects.get(slug="privacy", language=language)
    march = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))
    ContentPage.objects.filter(pk=page.pk).update(published_at=march - datetime.timedelta(days=30), updated_at=march)
    # The whole text: STOP, HELP, Do Not Track and Global Privacy Control stay English (lang="en") on the Spanish page.
    text = " ".join(parse_html(client.get(PRIVACY[language]).content.decode()).text.split())
    for name, sentence in SENTENCES[language].items():
        assert sentence in text, name


def test_the_effective_date_is_the_later_of_publication_and_last_change(client, seeded):
    scheduled = timezone.make_aware(datetime.datetime(2026, 4, 1, 9, 0))
    ContentPage.objects.filter(slug="privacy", language="en").update(
        published_at=scheduled, updated_at=scheduled - datetime.timedelta(days=10)
    )
    assert ContentPage.objects.get(slug="privacy", language="en").effective_on == datetime.date(2026, 4, 1)


def test_other_content_pages_state_no_effective_date(client, seeded):
    assert "Effective date" not in client.get("/accessibility/").content.decode()


def disclosure(client, path):
    html = client.get(path).content.decode()
    section = html.split('<section class="recovery-residence"', 1)[1].split("</section>", 1)[0]
    return parse_html(f"<section{section}</section>").text


@pytest.mark.parametrize(
    ("language", "path"), [(lang, path) for lang, paths in ABOUT_AND_PROGRAM.items() for path in paths]
)
def test_until_staff_answer_the_disclosure_is_a_placeholder(client, seeded, language, path):
    expected = {
        "en": "[Whether we own or have an interest in a recovery residence is not yet set",
        "es": "[Aún no se ha indicado",
    }
    assert expected[language] in disclosure(client, path)


@pytest.mark.parametrize(
    ("language", "path"), [(lang, path) for lang, paths in ABOUT_AND_PROGRAM.items() for path in paths]
)
def test_no_interest_is_said_plainly(client, seeded, language, path):
    fill_site_settings(recovery_residence_interest="none")
    expected = {
        "en": "Restoration Recovery Center does not own, and has no financial interest in, any recovery residence",
        "es": "Restoration Recovery Center no es dueño de ninguna residencia de recuperación",
    }
    assert expected[language] in " ".join(disclosure(client, path).split())


@pytest.mark.parametrize(
    ("language", "path"), [(lang, path) for lang, paths in ABOUT_AND_PROGRAM.items() for path in paths]
)
def test_each_residence_and_the_interest_held_is_listed(client, seeded, language, path):
    fill_site_settings(recovery_residence_interest="interest", recovery_residences="Oak House, 5 Test Way: owner")
    text = " ".join(disclosure(client, path).split())
    assert "Oak House, 5 Test Way: owner" in text
