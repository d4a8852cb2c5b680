"""Helpers that build cases through the services, as the app does."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.cases import services
from naungan.cases.models import Case


def make_case(
    actor: User,
    *,
    area: str = "64.71.01",
    violence_types: list[str] | None = None,
    received_at: datetime | None = None,
    victims: list[dict[str, Any]] | None = None,
    perpetrators: list[dict[str, Any]] | None = None,
    **kwargs: Any,
) -> Case:
    return services.case_create(
        actor=actor,
        area=Area.objects.get(code=area),
        channel=kwargs.pop("channel", "walk_in"),
        violence_types=violence_types if violence_types is not None else ["physical"],
        received_at=received_at,
        description=kwargs.pop("description", "Kronologi uji"),
        victims=[
            services.PersonIn(**v)
            for v in (victims if victims is not None else [{"name": "Siti", "age": 15}])
        ],
        perpetrators=[services.PersonIn(**p) for p in (perpetrators or [])],
        **kwargs,
    )


def assign(supervisor: User, case: Case, user: User, *, lead: bool = True) -> Case:
    return services.case_assign(actor=supervisor, case=case, assignee=user, lead=lead)


def answers(*yes: str) -> dict[str, bool]:
    """All six GBVIMS answers (CONTRACT §6 requires each): ``yes`` true, the others false."""
    from naungan.cases.classification import QUESTION_KEYS

    unknown = set(yes) - set(QUESTION_KEYS)
    assert not unknown, unknown
    return {key: key in yes for key in QUESTION_KEYS}


# A valid incident body of CONTRACT §6 (sexual contact, physical and psychological abuse).
INCIDENT = {
    "occurred_on": "2026-03-01",
    "survivor_age_at_incident": 14,
    "classification": {"penetration": False, "sexual_contact": True, "physical_assault": True,
                       "forced_marriage": False, "denial_of_resources": False,
                       "psychological_abuse": True},
    "perpetrator_relationship": "intimate_partner",
    "perpetrator_age": 40,
    "money_goods_exchanged": False,
    "abduction": "none",
    "harmful_traditional_practice": "no",
    "tpks_type": None,
    "reporting_consent": True,
    "reported_elsewhere": False,
}  # fmt: skip


def submit_plan(author: User, case: Case) -> Any:
    """A plan with one dated action, drafted and submitted by ``author``: it waits for a
    supervisor's decision."""
    from datetime import date

    from naungan.cases.services.plans import PlanActionIn, plan_draft, plan_submit

    plan = plan_draft(
        actor=author,
        case=case,
        goals="Korban aman dan pulih",
        actions=[PlanActionIn(description="Konseling psikolog", due_on=date(2026, 12, 30))],
    )
    return plan_submit(actor=author, plan=plan)
