from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from naungan.cases.models import Case, Incident, Person, Task
from naungan.core.fields import blind_index


def test_generate_synthetic_adds_realistic_cases_twice_without_collisions(db):
    out = StringIO()
    call_command(
        "generate_synthetic", "--cases", "60", "--seed", "3", stdout=out, stderr=StringIO()
    )
    call_command(
        "generate_synthetic", "--cases", "15", "--seed", "3", stdout=StringIO(), stderr=StringIO()
    )
    assert "60 synthetic cases" in out.getvalue()
    assert Case.objects.filter(registration_number__startswith="SYN/").count() == 75
    assert {c.area.province_code for c in Case.objects.select_related("area")} == {"64", "62"}
    assert Incident.objects.exists()
    sexual = Case.objects.filter(violence_key__contains=",sexual,")
    assert Task.objects.filter(case__in=sexual, kind="police_report").count() == sexual.count()
    person = Person.objects.exclude(nik="").first()
    assert Person.objects.filter(nik_index=blind_index("nik", person.nik)).exists()


def test_generate_synthetic_rejects_negative_counts(db):
    with pytest.raises(CommandError):
        call_command("generate_synthetic", "--cases", "-1")
