"""The intake desk's quick triage checklist is the risk app's ``triage`` instrument (DESIGN §8:
"the mapping is configuration"): the shipped version reproduces the old rule, a new version
changes the questions and the suggestion, and the report keeps the suggestion with the
version that made it. The officer confirms or raises; below the suggestion needs a reason."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from naungan.reports import services as report_services
from naungan.reports.forms import TriageForm
from naungan.reports.models import Report
from naungan.risk.models import Instrument, InstrumentVersion
from naungan.risk.services import instrument_version_add

ITEMS = [
    "danger_now",
    "injury_or_recent_sexual",
    "threat_weapon",
    "child",
    "no_safe_place",
    "suicidal",
    "pregnant_disability",
    "trafficking",
]


def _report() -> Report:
    result = report_services.report_submit(
        actor=None,
        data=report_services.ReportInput(
            kind="complaint",
            reporter_relation="witness",
            violence_types=["physical"],
            description="Tetangga memukul istrinya setiap malam.",
            area_code="64.71.01",
        ),
    )
    return result.report


def _v3(admin: Any) -> InstrumentVersion:
    """A unit's new mapping: pregnancy or disability alone suggests medium; a new question."""
    current = Instrument.objects.get(key="triage").current_version()
    questions = [dict(q) for q in current.questions] + [
        {"key": "elder", "id": "Korban lanjut usia", "en": "The victim is elderly"}
    ]
    return instrument_version_add(
        actor=admin,
        key="triage",
        spec={
            "rule": "triage",
            "questions": questions,
            "bands": [
                ["emergency", ITEMS[:4]],
                ["high", ["no_safe_place", "suicidal", "trafficking"]],
                ["medium", ["pregnant_disability", "elder"]],
            ],
            "emergency_keys": ITEMS[:4],
        },
    )


def test_the_shipped_version_is_the_intake_checklist_with_the_old_rule(db):
    version = Instrument.objects.get(key="triage").current_version()
    assert version.number == 2
    assert version.keys == ITEMS
    levels = version.triage_levels()
    assert all(levels[k] == "emergency" for k in ITEMS[:4])
    assert all(levels[k] == "high" for k in ITEMS[4:])
    for item in ITEMS:
        assert report_services.triage_suggestion([item]) == (levels[item], "triage v2")
    assert report_services.triage_suggestion([]) == ("", "")
    # Version 1 (q1..q8, no bands) still reads with DESIGN §8's rule.
    v1 = Instrument.objects.get(key="triage").versions.get(number=1)
    assert v1.triage_suggest(["q4"]) == "emergency"
    assert v1.triage_suggest(["q6"]) == "high"


def test_triage_stores_the_suggestion_and_the_version(personas):
    intake = personas["intake_bpp"].user
    report = report_services.report_triage(
        actor=intake, report=_report(), level="emergency", checklist=["suicidal", "child"]
    )
    report.refresh_from_db()
    assert (report.triage_suggested, report.triage_suggested_by) == ("emergency", "triage v2")
    detail = personas["intake_bpp"].api("GET", f"/api/v1/reports/{report.public_id}").json()
    assert detail["triage_suggested"] == "emergency"
    assert detail["triage_suggested_by"] == "triage v2"


def test_a_new_version_changes_the_questions_and_the_suggestion(personas):
    intake = personas["intake_bpp"].user
    before = report_services.report_triage(
        actor=intake, report=_report(), level="high", checklist=["pregnant_disability"]
    )
    _v3(personas["admin_bpp"].user)
    assert report_services.triage_suggest(["pregnant_disability"]) == "medium"
    assert report_services.triage_suggest(["elder", "suicidal"]) == "high"
    # The officer may confirm the new suggestion (no reason needed) or raise it.
    after = report_services.report_triage(
        actor=intake, report=_report(), level="medium", checklist=["elder"]
    )
    assert (after.triage_suggested, after.triage_suggested_by) == ("medium", "triage v3")
    with pytest.raises(ValidationError) as refused:
        report_services.report_triage(
            actor=intake, report=_report(), level="low", checklist=["elder"]
        )
    assert list(refused.value.message_dict) == ["reason"]
    # The form asks the new version's questions; the earlier report keeps what it was told.
    form = TriageForm()
    assert [k for k, _t in form.fields["checklist"].choices][-1] == "elder"
    assert "pregnant_disability" not in form.high_items.split()
    before.refresh_from_db()
    assert (before.triage_suggested, before.triage_suggested_by) == ("high", "triage v2")
    detail = personas["intake_bpp"].api("GET", f"/api/v1/reports/{before.public_id}").json()
    assert detail["triage_suggested"] == "high"


def test_an_unknown_item_is_refused_naming_the_checklist(personas):
    with pytest.raises(ValidationError) as refused:
        report_services.report_triage(
            actor=personas["intake_bpp"].user, report=_report(), level="high", checklist=["q1"]
        )
    assert list(refused.value.message_dict) == ["checklist"]


@pytest.mark.parametrize(
    "bands",
    [
        [["urgent", ["danger_now"]]],
        [["emergency", ["nope"]]],
        [["emergency", ["danger_now"]], ["high", ["danger_now"]]],
        [["emergency", "danger_now"]],
    ],
)
def test_a_triage_version_with_a_bad_mapping_is_refused(personas, bands):
    current = Instrument.objects.get(key="triage").current_version()
    with pytest.raises(ValidationError) as refused:
        instrument_version_add(
            actor=personas["admin_bpp"].user,
            key="triage",
            spec={"rule": "triage", "questions": current.questions, "bands": bands},
        )
    assert "bands" in refused.value.message_dict
    assert Instrument.objects.get(key="triage").versions.count() == 2
