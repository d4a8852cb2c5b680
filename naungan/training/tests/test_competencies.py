"""Competencies: require_competency (missing, expired, valid, a parent unit's requirement),
the direct record and its real use of require_competency, the expiry view."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naungan.accounts.models import User
from naungan.orgs.models import Organisation
from naungan.training import selectors, services
from naungan.training.actions import DASH_SIGNOFF, GRANT_DIRECT
from naungan.training.exceptions import CompetencyRequired
from naungan.training.models import CompetencyGrant, CompetencyRequirement, GrantSource

pytestmark = pytest.mark.django_db


def _grant(user: Any, competency: str, *, granted: date, expires: date | None) -> Any:
    return CompetencyGrant.objects.create(
        user=user,
        competency=competency,
        granted_on=granted,
        expires_on=expires,
        source=GrantSource.DIRECT,
    )


def _require(slug: str, action: str, competency: str) -> None:
    CompetencyRequirement.objects.create(
        organisation=Organisation.objects.get(slug=slug), action=action, competency=competency
    )


def test_an_action_without_a_requirement_is_allowed(personas: Any) -> None:
    assert services.require_competency(personas["caseworker_bpp"].user, DASH_SIGNOFF) is None


def test_a_missing_competency_is_refused_with_its_name(personas: Any) -> None:
    _require("t-uptd-bpp", DASH_SIGNOFF, "kdrt_risk_assessment")
    with pytest.raises(CompetencyRequired) as err:
        services.require_competency(personas["caseworker_bpp"].user, DASH_SIGNOFF)
    assert err.value.status == 403
    assert "Pendampingan KDRT dan asesmen risiko" in err.value.message
    assert "belum Anda miliki" in err.value.message
    assert err.value.body()["competency"] == "kdrt_risk_assessment"
    assert err.value.body()["expired_on"] is None


def test_an_expired_competency_is_refused_saying_when_it_ended(personas: Any) -> None:
    _require("t-uptd-bpp", DASH_SIGNOFF, "kdrt_risk_assessment")
    cw = personas["caseworker_bpp"].user
    _grant(cw, "kdrt_risk_assessment", granted=date(2023, 1, 1), expires=date(2025, 1, 1))
    with pytest.raises(CompetencyRequired) as err:
        services.require_competency(cw, DASH_SIGNOFF, on=date(2026, 1, 1))
    assert "sudah berakhir pada 1 Jan 2025" in err.value.message
    assert err.value.body()["expired_on"] == "2025-01-01"


def test_a_valid_competency_allows_the_action_up_to_its_last_day(personas: Any) -> None:
    _require("t-uptd-bpp", DASH_SIGNOFF, "kdrt_risk_assessment")
    cw = personas["caseworker_bpp"].user
    _grant(cw, "kdrt_risk_assessment", granted=date(2024, 1, 1), expires=date(2026, 1, 1))
    services.require_competency(cw, DASH_SIGNOFF, on=date(2026, 1, 1))
    with pytest.raises(CompetencyRequired):
        services.require_competency(cw, DASH_SIGNOFF, on=date(2026, 1, 2))


def test_a_parent_units_requirement_applies_to_its_staff(personas: Any) -> None:
    uptd = Organisation.objects.get(slug="t-uptd-bpp")
    uptd.parent = Organisation.objects.get(slug="t-dinas-bpp")
    uptd.save()
    _require("t-dinas-bpp", DASH_SIGNOFF, "trauma_informed_communication")
    caseworker = User.objects.get(username="caseworker_bpp")  # its unit as it is now
    with pytest.raises(CompetencyRequired) as err:
        services.require_competency(caseworker, DASH_SIGNOFF)
    assert "Komunikasi berperspektif trauma" in err.value.message
    # Another unit's requirement does not apply.
    services.require_competency(personas["caseworker_kalteng"].user, DASH_SIGNOFF)


def test_an_unknown_action_is_a_programming_error(personas: Any) -> None:
    with pytest.raises(KeyError):
        services.require_competency(personas["caseworker_bpp"].user, "risk.dash_sign_off")


def test_a_requirement_for_an_unknown_action_cannot_be_configured(personas: Any) -> None:
    req = CompetencyRequirement(
        organisation=Organisation.objects.get(slug="t-uptd-bpp"),
        action="risk.typo",
        competency="regulations",
    )
    with pytest.raises(ValidationError) as err:
        req.full_clean()
    assert "action" in err.value.message_dict


def test_a_supervisor_records_a_competency_directly(personas: Any) -> None:
    today = timezone.localdate()
    g = services.competency_grant_record(
        actor=personas["supervisor_bpp"].user,
        holder=personas["activist_bpp"].user,
        competency="regulations",
        granted_on=today - timedelta(days=10),
        expires_on=today + timedelta(days=300),
    )
    assert g.source == "direct"
    assert g.recorded_by == personas["supervisor_bpp"].user


def test_an_expired_competency_is_not_recorded_as_held(personas: Any) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError) as err:
        services.competency_grant_record(
            actor=personas["supervisor_bpp"].user,
            holder=personas["activist_bpp"].user,
            competency="regulations",
            granted_on=today - timedelta(days=800),
            expires_on=today - timedelta(days=1),
        )
    assert "sudah berakhir" in err.value.message_dict["expires_on"][0]
    assert not CompetencyGrant.objects.exists()


def test_a_person_outside_the_managers_area_is_refused(personas: Any) -> None:
    with pytest.raises(ValidationError) as err:
        services.competency_grant_record(
            actor=personas["supervisor_bpp"].user,
            holder=personas["activist_kalteng"].user,
            competency="regulations",
            granted_on=date(2026, 1, 1),
        )
    assert "user" in err.value.message_dict


def test_the_direct_record_itself_may_require_a_competency(personas: Any) -> None:
    """The one use of require_competency in this app: the unit requires "regulations" of
    whoever records competencies directly."""
    _require("t-uptd-bpp", GRANT_DIRECT, "regulations")
    sup = personas["supervisor_bpp"].user
    kwargs = {"holder": personas["activist_bpp"].user, "competency": "emergency_simulation"}
    with pytest.raises(CompetencyRequired) as err:
        services.competency_grant_record(actor=sup, granted_on=date(2026, 1, 1), **kwargs)
    assert "Peraturan perundang-undangan" in err.value.message
    assert not CompetencyGrant.objects.exists()
    # The dinas's administrator (another unit, no such requirement) records it for him.
    services.competency_grant_record(
        actor=personas["admin_bpp"].user, holder=sup, competency="regulations",
        granted_on=date(2026, 1, 1),
    )  # fmt: skip
    services.competency_grant_record(actor=sup, granted_on=date(2026, 1, 1), **kwargs)
    assert CompetencyGrant.objects.filter(competency="emergency_simulation").count() == 1


def test_the_expiry_view_lists_expired_and_expiring_not_renewed_and_in_scope(
    personas: Any,
) -> None:
    today = date(2026, 6, 1)
    cw, act = personas["caseworker_bpp"].user, personas["activist_bpp"].user
    _grant(cw, "regulations", granted=date(2024, 1, 1), expires=date(2026, 5, 1))  # expired
    _grant(act, "regulations", granted=date(2024, 1, 1), expires=date(2026, 6, 20))  # 19 days
    _grant(act, "tppo_victim_handling", granted=date(2024, 1, 1), expires=date(2026, 12, 1))
    # Renewed: the old grant ends soon, the new one later: not listed.
    _grant(cw, "emergency_simulation", granted=date(2024, 1, 1), expires=date(2026, 6, 10))
    _grant(cw, "emergency_simulation", granted=date(2026, 5, 1), expires=date(2028, 5, 1))
    _grant(personas["caseworker_kalteng"].user, "regulations", granted=date(2024, 1, 1),
           expires=date(2026, 5, 1))  # fmt: skip

    lines = selectors.expiring_competencies(
        user=personas["supervisor_bpp"].user, days=30, today=today
    )
    seen = [(x.person.username, x.held.grant.competency, x.held.expired) for x in lines]
    assert seen == [("caseworker_bpp", "regulations", True), ("activist_bpp", "regulations", False)]
    assert lines[1].held.days_left == 19
    wider = selectors.expiring_competencies(
        user=personas["supervisor_bpp"].user, days=200, today=today
    )
    assert len(wider) == 3
    only_ppatbm = selectors.expiring_competencies(
        user=personas["supervisor_bpp"].user,
        days=200,
        today=today,
        organisation=Organisation.objects.get(slug="t-ppatbm-bpp"),
    )
    assert {x.person.username for x in only_ppatbm} == {"activist_bpp"}
    kalteng = selectors.expiring_competencies(
        user=personas["supervisor_kalteng"].user, days=30, today=today
    )
    assert [x.person.username for x in kalteng] == ["caseworker_kalteng"]
    assert selectors.expiring_competencies(user=cw, days=30, today=today) == []
