"""Models as their tables stood after an older migration, for tests that migrate back and write rows there."""

from django.db import connection
from django.db.migrations.loader import MigrationLoader


def model_as_of(app_label, migration_prefix, model_name):
    """The historical model ``model_name`` of ``app_label`` right after its migration starting ``migration_prefix``.

    Today's model class may have columns the older table lacks (a language, say), so writes go through this one.
    """
    loader = MigrationLoader(connection)
    migration = loader.get_migration_by_prefix(app_label, migration_prefix)
    return loader.project_state((app_label, migration.name)).apps.get_model(app_label, model_name)
