"""The table of the database cache (settings.CACHES without REDIS_URL), so that ``migrate``
alone (``make run``, ``make install``, tests) prepares it. ``createcachetable`` skips a table
that exists and does nothing when no cache uses the database."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_ratecounter")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
