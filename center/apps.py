"""What the center is and promises: the facts staff enter, and whether the site is ready to go live."""

from django.apps import AppConfig


class CenterConfig(AppConfig):
    name = "center"
    verbose_name = "Center facts"

    def ready(self):
        from django.core.cache import cache
        from django.db.models.signals import post_delete, post_save

        from restoration.cache import reconnected
        from revisions.history import keep_history

        from .models import Accreditation, License, OpeningHours, SiteSettings

        keep_history(SiteSettings, with_rows=["opening_hours"])  # the center's texts, with its opening hours

        # The cached record carries these to every page (SiteSettings.load()), so it is read afresh after a change.
        for model in (OpeningHours, License, Accreditation):
            for signal, name in ((post_save, "save"), (post_delete, "delete")):
                signal.connect(
                    SiteSettings.forget, sender=model, weak=False, dispatch_uid=f"site-{name}-{model.__name__}"
                )

        def redis_is_back(**kwargs):
            # A save made while Redis could not be reached could not delete the copy kept there without expiry.
            cache.delete(SiteSettings.CACHE_KEY)

        reconnected.connect(redis_is_back, weak=False, dispatch_uid="center-site-settings-redis-back")
