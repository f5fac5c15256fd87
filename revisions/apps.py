"""The history of what editors write: every save of content and of the center's texts, with who made it and when,
kept by django-reversion (docs/revisions.md says why that library), compared word by word and restored."""

from django.apps import AppConfig

# The models whose every save is kept, each with the rows that belong to it and are kept in the same version: a
# program's weekly sessions, the center's opening hours.
VERSIONED = {
    "pages.Article": (),
    "pages.ContentPage": (),
    "pages.Program": ("sessions",),
    "pages.ProgramSession": (),
    "center.SiteSettings": ("opening_hours",),
    "center.OpeningHours": (),
}


class RevisionsConfig(AppConfig):
    name = "revisions"
    verbose_name = "Revisions"

    def ready(self):
        import reversion
        from django.apps import apps

        for label, follow in VERSIONED.items():
            model = apps.get_model(label)
            if not reversion.is_registered(model):
                reversion.register(model, follow=follow)
