"""Incidents with GBVIMS classification (DESIGN §7)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.core.models import AuditAction

from .. import classification
from ..exceptions import (
    ReasonRequired,
)
from ..models import (
    Abduction,
    Case,
    CaseParty,
    GbvType,
    HarmfulPractice,
    Incident,
    PartyRole,
    Person,
)
from ._common import (
    _audit,
    _check_violence_types,
    _ensure_police_report_task,
    _require_supervisor,
    _require_writer,
    _save,
)

# --- incidents --------------------------------------------------------------------------------


@transaction.atomic
def incident_record(
    *,
    actor: User,
    case: Case,
    answers: Mapping[str, bool | None],
    survivor: Person | None = None,
    occurred_on: date | None = None,
    occurred_on_approximate: bool = False,
    survivor_age: int | None = None,
    perpetrator_relationship: str = "",
    perpetrator_age: int | None = None,
    money_goods_exchanged: bool = False,
    abduction: str = Abduction.NONE,
    harmful_traditional_practice: str = HarmfulPractice.NO,
    tpks_type: str = "",
    reporting_consent: bool = False,
    reported_elsewhere: bool = False,
    place: str = "",
    violence_types: list[str] | None = None,
    area: Area | None = None,
    location: str = "",
    narrative: str = "",
) -> Incident:
    """Record one incident with one survivor, a victim of the case (default: its first victim).
    The GBVIMS type (first "yes" of the ordered questions) and the context flags are computed
    here and the answer trace kept (DESIGN §7). A sexual incident (rape, sexual assault or a
    TPKS category) starts the police-report clock from the case's ``received_at`` if it has
    not started. Callers: the case's caseworkers and supervisors."""
    _require_writer(actor, case)
    victims = CaseParty.objects.filter(case=case, role=PartyRole.VICTIM).select_related("person")
    if survivor is None:
        first = victims.order_by("id").first()
        if first is None:
            raise ValidationError({"survivor": _("Kasus ini belum memiliki korban.")})
        survivor = first.person
    elif not victims.filter(person=survivor).exists():
        raise ValidationError({"survivor": _("Penyintas harus korban dalam kasus ini.")})
    if occurred_on and occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": _("Tanggal kejadian tidak boleh di masa depan.")})
    unknown = [k for k in answers if k not in classification.QUESTION_KEYS]
    if unknown:
        raise ValidationError({"classification": _("Pertanyaan tidak dikenal.")})
    result = classification.classify(answers)
    flags = classification.context_flags(
        gbv_type=result.gbv_type,
        perpetrator_relationships=[perpetrator_relationship] if perpetrator_relationship else [],
        survivor_age=survivor_age,
        money_goods_exchanged=money_goods_exchanged,
        abduction=abduction,
        harmful_traditional_practice=harmful_traditional_practice,
    )
    incident = Incident(
        case=case,
        survivor=survivor,
        occurred_on=occurred_on,
        occurred_on_approximate=occurred_on_approximate,
        survivor_age=survivor_age,
        perpetrator_relationship=perpetrator_relationship,
        perpetrator_age=perpetrator_age,
        money_goods_exchanged=money_goods_exchanged,
        abduction=abduction,
        harmful_traditional_practice=harmful_traditional_practice,
        tpks_type=tpks_type or "",
        reporting_consent=reporting_consent,
        reported_elsewhere=reported_elsewhere,
        place=place,
        violence_types=_check_violence_types(violence_types or []),
        area=area,
        location=location,
        narrative=narrative,
        gbv_type=result.gbv_type,
        context_flags=flags,
        answer_trace=[_trace_entry(actor, result)],
        recorded_by=actor,
        **{f"q_{key}": answers.get(key) for key in classification.QUESTION_KEYS},
    )
    _save(incident)
    if result.gbv_type in classification.SEXUAL_TYPES or incident.tpks_type:
        _ensure_police_report_task(case)
    _audit(actor, AuditAction.CREATE, incident, case, categories="narrative")
    return incident


def _trace_entry(
    actor: User, result: classification.Classification, reason: str = ""
) -> dict[str, object]:
    entry: dict[str, object] = {
        "by": actor.get_username(),
        "at": timezone.now().isoformat(),
        "questions": result.trace,
        "gbv_type": result.gbv_type,
    }
    if reason:
        entry["reason"] = reason
    return entry


@transaction.atomic
def incident_reclassify(
    *, actor: User, incident: Incident, answers: Mapping[str, bool | None], reason: str
) -> Incident:
    """A supervisor re-answers the questions with a reason; earlier traces are kept."""
    _require_supervisor(actor, incident.case)
    if not reason.strip():
        raise ReasonRequired
    result = classification.classify(answers)
    for key in classification.QUESTION_KEYS:
        setattr(incident, f"q_{key}", answers.get(key))
    incident.gbv_type = result.gbv_type
    incident.context_flags = classification.context_flags(
        gbv_type=result.gbv_type,
        perpetrator_relationships=[incident.perpetrator_relationship],
        survivor_age=incident.survivor_age,
        money_goods_exchanged=incident.money_goods_exchanged,
        abduction=incident.abduction,
        harmful_traditional_practice=incident.harmful_traditional_practice,
    )
    incident.answer_trace = [*incident.answer_trace, _trace_entry(actor, result, reason)]
    _save(incident)
    if result.gbv_type in (GbvType.RAPE, GbvType.SEXUAL_ASSAULT):
        _ensure_police_report_task(incident.case)
    _audit(actor, AuditAction.UPDATE, incident, incident.case, reason=reason)
    return incident
