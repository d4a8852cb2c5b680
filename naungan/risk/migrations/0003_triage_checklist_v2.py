"""Version 2 of the quick triage checklist (DESIGN §8): the same eight questions with the
intake desk's item codes (``danger_now`` … ``trafficking``) and the suggestion rule as data
(``bands``: ``[[level, [item, …]], …]``, most urgent first), so that the intake desk's
suggestion comes from the instrument and reproduces the rule it had (items 1-4 emergency, any
other high). Version 1 stays as it was."""

import json
from pathlib import Path

from django.db import migrations
from django.db.models import Max

DATA = Path(__file__).resolve().parent.parent / "data" / "triage_v2.json"


def load(apps, schema_editor):
    Instrument = apps.get_model("risk", "Instrument")
    InstrumentVersion = apps.get_model("risk", "InstrumentVersion")
    s = json.loads(DATA.read_text(encoding="utf-8"))["triage"]
    instrument, _ = Instrument.objects.get_or_create(
        key="triage", defaults={"name_id": s["name_id"], "name_en": s["name_en"]}
    )
    versions = InstrumentVersion.objects.filter(instrument=instrument)
    if any(v.questions and v.questions[0].get("key") == "danger_now" for v in versions):
        return
    InstrumentVersion.objects.create(
        instrument=instrument,
        number=(versions.aggregate(n=Max("number"))["n"] or 0) + 1,
        rule=s["rule"],
        questions=s["questions"],
        options=["yes", "no"],
        bands=s["bands"],
        high_threshold=None,
        emergency_keys=s["emergency_keys"],
        weights=None,
        notes_id=s["notes_id"],
        notes_en=s["notes_en"],
    )


class Migration(migrations.Migration):
    dependencies = [("risk", "0002_load_instruments")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
