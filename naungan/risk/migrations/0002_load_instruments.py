"""Load the shipped instruments as version 1 (DESIGN §8): the DASH-style checklist, the Danger
Assessment raw count (weighted levels disabled: no weight table) and the quick triage
checklist. Their texts are our own wording in Indonesian and English."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "instruments_v1.json"


def load(apps, schema_editor):
    Instrument = apps.get_model("risk", "Instrument")
    InstrumentVersion = apps.get_model("risk", "InstrumentVersion")
    spec = json.loads(DATA.read_text(encoding="utf-8"))
    for key, s in spec.items():
        instrument, _ = Instrument.objects.get_or_create(
            key=key, defaults={"name_id": s["name_id"], "name_en": s["name_en"]}
        )
        if InstrumentVersion.objects.filter(instrument=instrument).exists():
            continue
        InstrumentVersion.objects.create(
            instrument=instrument,
            number=1,
            rule=s["rule"],
            questions=[
                {"key": f"q{i}", "id": text_id, "en": text_en}
                for i, (text_id, text_en) in enumerate(s["questions"], start=1)
            ],
            options=["yes", "no", "dont_know"],
            bands=s["bands"],
            high_threshold=s["high_threshold"],
            emergency_keys=s.get("emergency_keys", []),
            weights=None,
            notes_id=s["notes_id"],
            notes_en=s["notes_en"],
        )


class Migration(migrations.Migration):
    dependencies = [("risk", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
