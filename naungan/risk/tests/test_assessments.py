"""The referral rules at their edges (DESIGN §8, CONTRACT §7): escalation counts incidents by a
partner, family member or caregiver in the 12 months up to ``assessed_at`` (both ends
inclusive); repeat is an incident on or after the last conference and within 12 months of it;
bands are versioned and per unit, and a changed band never rewrites a past result."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from naungan.cases import services as case_services
from naungan.cases.tests.factories import answers as gbv_answers
from naungan.risk import services
from naungan.risk.models import Instrument, InstrumentVersion, RiskAssessment
from naungan.risk.services.conferences import ConferenceIn

from .conftest import dash

WITA = ZoneInfo("Asia/Makassar")
ASSESSED = datetime(2025, 12, 1, 10, 0, tzinfo=WITA)


def _incident(case, actor, on, relationship="intimate_partner"):
    return case_services.incident_record(
        actor=actor,
        case=case,
        answers=gbv_answers("physical_assault"),
        occurred_on=on,
        perpetrator_relationship=relationship,
        reporting_consent=True,
    )


def _assess(case, actor, yes=0, at=ASSESSED, instrument="dash", **kw):
    return services.assessment_create(
        actor=actor,
        case=case,
        data=services.AssessmentIn(
            instrument=instrument, answers=dash(yes) if instrument == "dash" else {},
            assessed_at=at, **kw,
        ),
    )  # fmt: skip


@pytest.fixture
def cw(personas):
    return personas["caseworker_bpp"].user


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        # The window's first day and the day before it.
        ([date(2024, 12, 1), date(2025, 6, 1), date(2025, 12, 1)], True),
        ([date(2024, 11, 30), date(2025, 6, 1), date(2025, 12, 1)], False),
        # The assessment's own day counts, the day after does not.
        ([date(2025, 1, 1), date(2025, 6, 1), date(2025, 12, 1)], True),
        ([date(2025, 1, 1), date(2025, 6, 1), date(2025, 12, 2)], False),
    ],
)
def test_escalation_window_edges(bpp_case, cw, days, expected):
    for d in days:
        _incident(bpp_case, cw, d)
    a = _assess(bpp_case, cw)
    assert ("escalation" in a.referral_reasons) is expected
    assert a.referral_required is expected


@pytest.mark.parametrize(
    ("relationship", "counts"),
    [("intimate_partner", True), ("former_partner", True), ("family", True),
     ("primary_caregiver", True), ("stranger", False), ("neighbour_friend", False),
     ("teacher", False), ("unknown", False)],
)  # fmt: skip
def test_escalation_counts_partners_family_and_caregivers_only(bpp_case, cw, relationship, counts):
    for d in (date(2025, 2, 1), date(2025, 5, 1), date(2025, 9, 1)):
        _incident(bpp_case, cw, d, relationship)
    assert ("escalation" in _assess(bpp_case, cw).referral_reasons) is counts


def test_escalation_threshold_is_a_setting(bpp_case, cw, settings):
    for d in (date(2025, 2, 1), date(2025, 5, 1)):
        _incident(bpp_case, cw, d)
    assert "escalation" not in _assess(bpp_case, cw).referral_reasons
    settings.RISK_ESCALATION_INCIDENTS = 2
    assert "escalation" in _assess(bpp_case, cw).referral_reasons


def test_withdrawn_incidents_do_not_count(bpp_case, cw):
    incidents = [_incident(bpp_case, cw, d) for d in (date(2025, 2, 1), date(2025, 5, 1),
                                                        date(2025, 9, 1))]  # fmt: skip
    case_services.incident_withdraw(actor=cw, incident=incidents[0], reason="Salah catat")
    assert "escalation" not in _assess(bpp_case, cw).referral_reasons


def _conference(case, actor, held_on):
    return services.conference_record(actor=actor, case=case, data=ConferenceIn(held_on=held_on))


@pytest.mark.parametrize(
    ("incident_on", "expected"),
    [
        (date(2025, 7, 1), True),  # the conference's own day
        (date(2025, 6, 30), False),  # the day before
        (date(2026, 7, 1), True),  # 12 months later
        (date(2026, 7, 2), False),  # one day more
    ],
)
def test_repeat_window_edges(bpp_case, cw, incident_on, expected):
    _conference(bpp_case, cw, date(2025, 7, 1))
    _incident(bpp_case, cw, incident_on, "stranger")
    at = datetime(2026, 11, 1, 10, tzinfo=WITA)
    assert ("repeat" in _assess(bpp_case, cw, at=at).referral_reasons) is expected


def test_repeat_uses_the_last_conference(bpp_case, cw):
    _incident(bpp_case, cw, date(2025, 8, 1), "stranger")
    _conference(bpp_case, cw, date(2025, 7, 1))
    _conference(bpp_case, cw, date(2025, 9, 1))
    at = datetime(2025, 11, 1, 10, tzinfo=WITA)
    assert "repeat" not in _assess(bpp_case, cw, at=at).referral_reasons


def test_every_reason_is_listed(bpp_case, cw):
    _conference(bpp_case, cw, date(2025, 1, 10))
    for d in (date(2025, 2, 1), date(2025, 5, 1), date(2025, 9, 1)):
        _incident(bpp_case, cw, d)
    a = _assess(
        bpp_case, cw, yes=20, professional_judgement="high", judgement_reason="Ancaman senjata"
    )
    assert a.referral_reasons == ["score", "judgement", "escalation", "repeat"]


def test_da_ignores_escalation_and_repeat(bpp_case, cw):
    _conference(bpp_case, cw, date(2025, 1, 10))
    for d in (date(2025, 2, 1), date(2025, 5, 1), date(2025, 9, 1)):
        _incident(bpp_case, cw, d)
    a = _assess(bpp_case, cw, instrument="da")
    assert (a.referral_required, a.referral_reasons, a.level) == (False, [], "")


def test_unit_bands_apply_and_a_changed_band_leaves_old_results(bpp_case, cw):
    dash_instrument = Instrument.objects.get(key="dash")
    before = _assess(bpp_case, cw, yes=8)
    assert before.level == "standard"
    services.instrument_bands_set(
        actor=None, organisation=bpp_case.organisation, instrument=dash_instrument, medium_from=8
    )
    after = _assess(bpp_case, cw, yes=8)
    assert after.level == "medium"
    before.refresh_from_db()
    assert before.level == "standard"
    assert ["medium", 10] in before.bands
    assert ["medium", 8] in after.bands


def test_unit_bands_stay_below_the_high_threshold(bpp_case):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.instrument_bands_set(
            actor=None,
            organisation=bpp_case.organisation,
            instrument=Instrument.objects.get(key="dash"),
            medium_from=14,
        )


def test_a_new_version_is_used_and_old_results_keep_theirs(bpp_case, cw):
    old = _assess(bpp_case, cw, yes=12)
    v1 = old.version
    spec = {
        "name_id": "x",
        "name_en": "x",
        "questions": [[q["id"], q["en"]] for q in v1.questions],
        "bands": [["high", 12], ["medium", 6], ["standard", 0]],
        "high_threshold": 12,
    }
    v2 = services.instrument_version_add(actor=None, key="dash", spec=spec)
    assert v2.number == 2
    new = _assess(bpp_case, cw, yes=12)
    assert (new.version, new.level, new.referral_reasons) == (v2, "high", ["score"])
    old = RiskAssessment.objects.get(pk=old.pk)
    assert (old.version, old.level, old.referral_reasons) == (v1, "medium", [])


def test_a_version_is_never_edited_in_place(db):
    from django.core.exceptions import ValidationError

    v = InstrumentVersion.objects.get(instrument__key="dash", number=1)
    v.bands = [["high", 1]]
    with pytest.raises(ValidationError):
        v.save()
    with pytest.raises(ValidationError):
        v.delete()
    assert InstrumentVersion.objects.get(pk=v.pk).bands[0] == ["high", 14]


def test_shipped_instruments(db):
    dash_v = InstrumentVersion.objects.get(instrument__key="dash")
    da_v = InstrumentVersion.objects.get(instrument__key="da")
    triage = InstrumentVersion.objects.filter(instrument__key="triage")
    # Version 2 (risk 0003) gives the intake desk's item codes to the same eight questions.
    assert list(triage.values_list("number", flat=True)) == [2, 1]
    triage_v = triage.get(number=1)
    assert len(triage.get(number=2).keys) == 8
    assert dash_v.keys == [f"q{i}" for i in range(1, 25)]
    assert da_v.keys == [f"q{i}" for i in range(1, 21)]
    assert len(triage_v.keys) == 8
    assert da_v.weights is None
    assert not da_v.weighted_enabled
    for v in (dash_v, da_v, triage_v, triage.get(number=2)):
        assert all(q["id"] and q["en"] for q in v.questions)


def test_latest_risk_summary_is_a_plain_dict(bpp_case, cw):
    from naungan.risk.selectors import latest_risk_summary

    assert latest_risk_summary(bpp_case) is None
    _assess(bpp_case, cw, yes=14)
    summary = latest_risk_summary(bpp_case)
    assert summary == {
        "instrument": "dash",
        "version": 1,
        "assessed_at": ASSESSED.astimezone(UTC).isoformat(),
        "score": 14,
        "level": "high",
    }


def test_incidents_without_a_relationship_count_when_the_case_names_a_partner(bpp_case, cw):
    for d in (date(2025, 2, 1), date(2025, 5, 1), date(2025, 9, 1)):
        _incident(bpp_case, cw, d, "")
    assert "escalation" in _assess(bpp_case, cw).referral_reasons  # the partner of conftest


def test_incidents_without_a_relationship_do_not_count_for_a_stranger(personas, cw):
    from naungan.cases.tests.factories import assign, make_case

    case = make_case(
        personas["intake_bpp"].user, perpetrators=[{"relationship": "stranger", "age": 30}]
    )
    assign(personas["supervisor_bpp"].user, case, cw)
    for d in (date(2025, 2, 1), date(2025, 5, 1), date(2025, 9, 1)):
        _incident(case, cw, d, "")
    assert "escalation" not in _assess(case, cw).referral_reasons
