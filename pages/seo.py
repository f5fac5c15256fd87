"""Structured data (schema.org JSON-LD) describing each page to search engines.

Each function returns plain dicts; ``{% jsonld %}`` in pages/templatetags/seo.py writes them into the page.
Addresses are absolute and on the host the request came to, like the canonical link. What a search engine shows a
reader (names, descriptions) is in the page's language, and each page says which that is (``inLanguage``).
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from center.translation import visitor_text

CONTEXT = "https://schema.org"


def words(record, field):
    """Staff's words in the page's language, else in English (center/translation.py); "" when there are none."""
    text = visitor_text(record, field)
    return text.text if text else ""


def breadcrumb_list(request, breadcrumbs):
    """``BreadcrumbList`` from the ``[(name, path), ...]`` the page shows as its breadcrumb trail."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": request.build_absolute_uri(path)}
            for position, (name, path) in enumerate(breadcrumbs, start=1)
        ],
    }


def person(request, someone):
    """A ``Person``, or an ``Organization`` for a team that writes under one name (the editorial team)."""
    url = request.build_absolute_uri(someone.get_absolute_url())
    if someone.is_organization:
        return {"@type": "Organization", "name": someone.name, "url": url}
    node = {"@type": "Person", "name": someone.name, "url": url}
    if someone.role:
        node["jobTitle"] = someone.role
    if someone.credentials:
        node["honorificSuffix"] = someone.credentials
    return node


def organization(request, site):
    return {"@type": "Organization", "name": site.name, "url": request.build_absolute_uri(reverse("pages:home"))}


def license_credential(license):
    """A license or certification in force, as the footer states it, with the issuer's page that shows it."""
    return {
        "@type": "EducationalOccupationalCredential",
        "name": license.public_statement,
        "credentialCategory": license.get_kind_display(),
        "identifier": license.number,
        "expires": license.expires_on.isoformat(),
        "recognizedBy": {"@type": "Organization", "name": license.issuer},
        "url": license.lookup_url,
    }


def accreditation_credential(accreditation):
    name = gettext("Accredited by %(body)s: %(scope)s") % {"body": accreditation.body, "scope": accreditation.scope}
    credential = {
        "@type": "EducationalOccupationalCredential",
        "name": name,
        "credentialCategory": gettext("Accreditation"),
        "expires": accreditation.valid_until.isoformat(),
        "recognizedBy": {"@type": "Organization", "name": accreditation.body},
    }
    if accreditation.lookup_url:
        credential["url"] = accreditation.lookup_url
    return credential


def weekly_hours(row):
    """An ``OpeningHoursSpecification`` from a row of days and times (opening hours, a program's session)."""
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [f"https://schema.org/{day.schema_org_name}" for day in row.weekdays],
        "opens": row.opens.isoformat("minutes"),
        "closes": row.closes.isoformat("minutes"),
    }


def medical_clinic(request, site):
    """The center as a ``MedicalClinic``. Address, phone and hours are left out while they are placeholders.

    Its credentials are the licenses and accreditations in force today (records staff entered, never placeholders):
    an expired one is left out, as the footer leaves it out.
    """
    clinic = {
        "@context": CONTEXT,
        "@type": "MedicalClinic",
        "name": site.name,
        "url": request.build_absolute_uri(reverse("pages:home")),
    }
    credentials = [license_credential(license) for license in site.current_licenses] + [
        accreditation_credential(accreditation) for accreditation in site.current_accreditations
    ]
    if credentials:
        clinic["hasCredential"] = credentials
    if not site.is_placeholder:
        clinic.update(
            address={
                "@type": "PostalAddress",
                "streetAddress": site.street_address,
                "addressLocality": site.city,
                "addressRegion": site.region,
                "postalCode": site.postal_code,
                "addressCountry": "US",
            },
            telephone=site.phone,
            email=site.email,
            openingHoursSpecification=[weekly_hours(row) for row in site.hours],
        )
    return clinic


def article_page(request, article, breadcrumbs, site):
    """``MedicalWebPage`` (who reviewed it, when) whose main entity is the ``Article``, plus its breadcrumbs."""
    url = request.build_absolute_uri(article.get_absolute_url())
    webpage = {
        "@type": "MedicalWebPage",
        "@id": f"{url}#webpage",
        "url": url,
        "name": article.seo_title or article.title,
        "description": article.summary,
        "inLanguage": article.language,
        "breadcrumb": {"@id": f"{url}#breadcrumb"},
        "mainEntity": {"@id": f"{url}#article"},
    }
    # A medical review, to search engines: only one by someone with a license or credential counts as one.
    if article.reviewer and article.reviewer.is_credentialed:
        webpage["reviewedBy"] = person(request, article.reviewer)
        if article.last_reviewed_at:
            webpage["lastReviewed"] = article.last_reviewed_at.isoformat()
    entity = {
        "@type": "Article",
        "@id": f"{url}#article",
        "headline": article.title[:110],
        "description": article.summary,
        "inLanguage": article.language,
        "dateModified": article.updated_at.isoformat(),
        "author": person(request, article.author) if article.author else organization(request, site),
        "publisher": organization(request, site),
        "mainEntityOfPage": {"@id": f"{url}#webpage"},
        "about": [topic.name for topic in article.topics.all()],
    }
    if article.published_at:  # a draft's preview has no date yet
        entity["datePublished"] = article.published_at.isoformat()
    image = article.open_graph_image
    if image:
        entity["image"] = request.build_absolute_uri(image["url"])
    crumbs = {**breadcrumb_list(request, breadcrumbs), "@id": f"{url}#breadcrumb"}
    return {"@context": CONTEXT, "@graph": [webpage, entity, crumbs]}


def program_page(request, program, breadcrumbs, site):
    """``MedicalWebPage`` whose main entity is the program, a ``Service`` of the center, plus its breadcrumbs.

    ``Service`` is the schema.org type that carries what a patient plans around: ``serviceType`` (the DHCS service
    category), ``category`` (the ASAM level of care) and ``hoursAvailable`` (the weekly sessions). Each is given
    only once staff have entered it: a placeholder never reaches search engines. A translation's are its
    original's (``Program.facts_source``).
    """
    url = request.build_absolute_uri(program.get_absolute_url())
    webpage = {
        "@type": "MedicalWebPage",
        "@id": f"{url}#webpage",
        "url": url,
        "name": program.seo_title or program.title,
        "description": program.summary,
        "inLanguage": program.language,
        "breadcrumb": {"@id": f"{url}#breadcrumb"},
        "mainEntity": {"@id": f"{url}#program"},
    }
    service = {
        "@type": "Service",
        "@id": f"{url}#program",
        "name": program.title,
        "description": program.summary,
        "url": url,
        "provider": organization(request, site),
        "mainEntityOfPage": {"@id": f"{url}#webpage"},
    }
    facts = program.facts_source
    if facts.service_category:
        service["serviceType"] = facts.service_category
    if facts.level_of_care:
        service["category"] = gettext("ASAM level of care %(level)s") % {"level": facts.level_of_care}
    sessions = facts.sessions.all()
    if sessions:
        service["hoursAvailable"] = [{**weekly_hours(session), "name": words(session, "name")} for session in sessions]
    crumbs = {**breadcrumb_list(request, breadcrumbs), "@id": f"{url}#breadcrumb"}
    return {"@context": CONTEXT, "@graph": [webpage, service, crumbs]}


def profile_page(request, someone, description, breadcrumbs):
    """``ProfilePage`` about the ``Person`` (or team), and its trail."""
    page = web_page(request, "ProfilePage", someone.name, description, breadcrumbs)
    page["@graph"][0]["mainEntity"] = person(request, someone)
    return page


def team_page(request, people, description, breadcrumbs, site):
    """``AboutPage`` whose main entity is the list of the team, each a ``Person`` (role, license, photo)."""
    members = []
    for position, someone in enumerate(people, start=1):
        member = {**person(request, someone), "worksFor": organization(request, site)}
        if portrait := someone.portrait:
            member["image"] = request.build_absolute_uri(portrait["src"])
        members.append({"@type": "ListItem", "position": position, "item": member})
    page = web_page(request, "AboutPage", gettext("Our team"), description, breadcrumbs)
    page["@graph"][0]["mainEntity"] = {"@type": "ItemList", "itemListElement": members}
    return page


def web_page(request, page_type, name, description, breadcrumbs):
    """A page of another kind (``WebPage``, ``MedicalWebPage``, ``CollectionPage``, ``ProfilePage``) and its trail,
    in the language of the address it is at."""
    url = request.build_absolute_uri(request.path)
    language = translation.get_language()
    return {
        "@context": CONTEXT,
        "@graph": [
            {"@type": page_type, "url": url, "name": name, "description": description, "inLanguage": language},
            breadcrumb_list(request, breadcrumbs),
        ],
    }
