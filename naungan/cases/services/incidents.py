"""Incidents with GBVIMS classification (DESIGN §7): recording, correcting, reclassifying and
withdrawing them, and the police-report clock that follows the case's sexual-violence incidents.

Who may: the case's writers (its assigned caseworkers and the supervisors of its area) record,
correct and withdraw; a supervisor reclassifies. The six GBVIMS answers are required, true or
false (CONTRACT §6): the system never types an incident it was not asked about."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.areas.models import Area
from naungan.core.models import AuditAction

from .. import classification
from ..exceptions import IncidentWithdrawn, ReasonRequired
from ..models import (
    Abduction,
    Case,
    CaseParty,
    HarmfulPractice,
    Incident,
    PartyRole,
    Person,
    TaskKind,
    TaskStatus,
    ViolenceType,
)
from ._common import (
    POLICE_REPORT_RULE,
    _audit,
    _check_violence_types,
    _ensure_police_report_task,
    _require_supervisor,
    _require_writer,
    _save,
)


class IncidentDetails(TypedDict, total=False):
    """What an incident records beside its survivor and the six answers (CONTRACT §6)."""

    occurred_on: date | None
    occurred_on_approximate: bool
    survivor_age: int | None
    perpetrator_relationship: str
    perpetrator_age: int | None
    money_goods_exchanged: bool
    abduction: str
    harmful_traditional_practice: str
    tpks_type: str
    reporting_consent: bool
    reported_elsewhere: bool
    place: str
    violence_types: list[str]
    area: Area | None
    location: str
    narrative: str


DEFAULTS: IncidentDetails = {
    "occurred_on": None,
    "occurred_on_approximate": False,
    "survivor_age": None,
    "perpetrator_relationship": "",
    "perpetrator_age": None,
    "money_goods_exchanged": False,
    "abduction": Abduction.NONE,
    "harmful_traditional_practice": HarmfulPractice.NO,
    "tpks_type": "",
    "reporting_consent": False,
    "reported_elsewhere": False,
    "place": "",
    "violence_types": [],
    "area": None,
    "location": "",
    "narrative": "",
}
# Encrypted fields: the audit names them when they change, never their values.
_PRIVATE = frozenset({"narrative", "location"})
# Text fields: an empty value is stored as "", never None.
_TEXT = frozenset(name for name, value in DEFAULTS.items() if isinstance(value, str))


def answers_check(answers: Mapping[str, bool | None]) -> dict[str, bool]:
    """The six GBVIMS answers, each ``True`` or ``False`` (CONTRACT §6). A missing, ``None`` or
    other answer is refused, naming each such question (``classification.<key>``), as is an unknown
    question: a type is never computed from questions nobody answered."""
    if any(key not in classification.QUESTION_KEYS for key in answers):
        raise ValidationError({"classification": _("Pertanyaan tidak dikenal.")})
    missing = [
        key for key in classification.QUESTION_KEYS if not isinstance(answers.get(key), bool)
    ]
    if missing:
        raise ValidationError(
            {f"classification.{key}": _("Pilih “Ya” atau “Tidak”.") for key in missing}
        )
    return {key: answers[key] is True for key in classification.QUESTION_KEYS}


def _survivor_of(case: Case, survivor: Person | None) -> Person:
    victims = CaseParty.objects.filter(case=case, role=PartyRole.VICTIM).select_related("person")
    if survivor is None:
        first = victims.order_by("id").first()
        if first is None:
            raise ValidationError({"survivor": _("Kasus ini belum memiliki korban.")})
        return first.person
    if not victims.filter(person=survivor).exists():
        raise ValidationError({"survivor": _("Penyintas harus korban dalam kasus ini.")})
    return survivor


def _fill(incident: Incident, answers: dict[str, bool], details: IncidentDetails) -> None:
    """Set ``details`` and the answers on ``incident`` and compute its type and flags."""
    occurred_on = details.get("occurred_on")
    if occurred_on and occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": _("Tanggal kejadian tidak boleh di masa depan.")})
    if "violence_types" in details:
        details["violence_types"] = _check_violence_types(details["violence_types"] or [])
    for name, value in details.items():
        setattr(incident, name, "" if value is None and name in _TEXT else value)
    for key in classification.QUESTION_KEYS:
        setattr(incident, f"q_{key}", answers[key])
    result = classification.classify(answers)
    incident.gbv_type = result.gbv_type
    incident.context_flags = classification.context_flags(
        gbv_type=result.gbv_type,
        perpetrator_relationships=(
            [incident.perpetrator_relationship] if incident.perpetrator_relationship else []
        ),
        survivor_age=incident.survivor_age,
        money_goods_exchanged=incident.money_goods_exchanged,
        abduction=incident.abduction,
        harmful_traditional_practice=incident.harmful_traditional_practice,
    )


@transaction.atomic
def incident_record(
    *,
    actor: User,
    case: Case,
    answers: Mapping[str, bool | None],
    survivor: Person | None = None,
    **details: Unpack[IncidentDetails],
) -> Incident:
    """Record one incident with one survivor, a victim of the case (default: its first victim).
    All six GBVIMS answers are required (``answers_check``). The GBVIMS type (first "yes" of
    the ordered questions) and the context flags are computed here and the answer trace kept
    (DESIGN §7). A sexual incident (rape, sexual assault or a TPKS category) starts the
    police-report clock from the case's ``received_at`` if it has not started (UU TPKS
    Pasal 41). Callers: the case's caseworkers and supervisors."""
    _require_writer(actor, case)
    checked = answers_check(answers)
    incident = Incident(
        case=case,
        survivor=_survivor_of(case, survivor),
        recorded_by=actor,
    )
    _fill(incident, checked, {**DEFAULTS, **details})
    incident.answer_trace = [_trace_entry(actor, checked)]
    _save(incident)
    if incident.sexual:
        _ensure_police_report_task(case)
    _audit(actor, AuditAction.CREATE, incident, case, categories="narrative")
    return incident


def _trace_entry(
    actor: User, answers: Mapping[str, bool | None], reason: str = ""
) -> dict[str, object]:
    result = classification.classify(answers)
    entry: dict[str, object] = {
        "by": actor.get_username(),
        "at": timezone.now().isoformat(),
        "questions": result.trace,
        "gbv_type": result.gbv_type,
    }
    if reason:
        entry["reason"] = reason
    return entry


def _answers_of(incident: Incident) -> dict[str, bool | None]:
    return {key: getattr(incident, f"q_{key}") for key in classification.QUESTION_KEYS}


def _locked(incident: Incident) -> Incident:
    """The incident row locked for this transaction and re-read; a withdrawn one is refused."""
    fresh = (
        Incident.objects.select_for_update()
        .select_related("case__area", "survivor")
        .get(pk=incident.pk)
    )
    if fresh.withdrawn:
        raise IncidentWithdrawn
    return fresh


@transaction.atomic
def incident_correct(
    *,
    actor: User,
    incident: Incident,
    answers: Mapping[str, bool | None],
    survivor: Person | None = None,
    reason: str = "",
    **details: Unpack[IncidentDetails],
) -> Incident:
    """Correct an incident: the six answers again (all required) and the ``details`` given
    (those not given are kept). The type and flags are recomputed; changed answers add an entry
    to the answer trace, earlier entries are kept (DESIGN §7). The audit event names each
    changed field with its old and new value (encrypted fields by name only). The police-report
    task follows (``_police_report_follow``). A withdrawn incident is not corrected.
    Callers: the case's caseworkers and supervisors."""
    _require_writer(actor, incident.case)
    checked = answers_check(answers)
    incident = _locked(incident)
    before = _snapshot(incident)
    old_answers = _answers_of(incident)
    if survivor is not None:
        incident.survivor = _survivor_of(incident.case, survivor)
    _fill(incident, checked, details)
    reason = reason.strip()
    if checked != old_answers:
        incident.answer_trace = [*incident.answer_trace, _trace_entry(actor, checked, reason)]
    changes = _changes(before, _snapshot(incident))
    if not changes:
        return incident
    _save(incident)
    _police_report_follow(actor=actor, case=incident.case)
    _audit(
        actor,
        AuditAction.UPDATE,
        incident,
        incident.case,
        categories="narrative" if _PRIVATE & set(changes) else "",
        reason=_change_text("incident corrected", changes, reason),
    )
    return incident


_TRACKED = (
    "survivor_id",
    *DEFAULTS.keys(),
    *(f"q_{key}" for key in classification.QUESTION_KEYS),
    "gbv_type",
    "context_flags",
)


def _snapshot(incident: Incident) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _TRACKED:
        value = getattr(incident, "area_id" if name == "area" else name)
        out[name] = list(value) if isinstance(value, list) else value
    return out


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {name: (before[name], after[name]) for name in before if before[name] != after[name]}


def _change_text(what: str, changes: dict[str, tuple[Any, Any]], reason: str) -> str:
    """``incident corrected: gbv_type physical_assault → rape; narrative changed — <reason>``
    (the audit reason is encrypted; personal free text is still named, never copied)."""
    parts = [
        f"{name} changed" if name in _PRIVATE else f"{name} {old!s} → {new!s}"
        for name, (old, new) in changes.items()
    ]
    text = f"{what}: " + "; ".join(parts)
    return f"{text} — {reason}" if reason else text


@transaction.atomic
def incident_reclassify(
    *, actor: User, incident: Incident, answers: Mapping[str, bool | None], reason: str
) -> Incident:
    """A supervisor re-answers the six questions (all required) with a reason; earlier traces
    are kept (DESIGN §7). A withdrawn incident is not reclassified."""
    _require_supervisor(actor, incident.case)
    if not reason.strip():
        raise ReasonRequired
    checked = answers_check(answers)
    incident = _locked(incident)
    old_type = incident.gbv_type
    _fill(incident, checked, {})
    incident.answer_trace = [*incident.answer_trace, _trace_entry(actor, checked, reason)]
    _save(incident)
    _police_report_follow(actor=actor, case=incident.case)
    _audit(
        actor,
        AuditAction.UPDATE,
        incident,
        incident.case,
        reason=_change_text(
            "incident reclassified", {"gbv_type": (old_type, incident.gbv_type)}, reason
        ),
    )
    return incident


@transaction.atomic
def incident_withdraw(*, actor: User, incident: Incident, reason: str) -> Incident:
    """Withdraw a wrongly recorded incident with a reason; it is kept, struck, for the case's
    writers, but no longer counted in statistics, printed in the case summary or read by a rule
    of the case (the police-report clock, mediation). Callers: the case's caseworkers and
    supervisors."""
    _require_writer(actor, incident.case)
    reason = reason.strip()
    if not reason:
        raise ReasonRequired(_("Tulis alasan penarikan insiden."))
    incident = _locked(incident)
    incident.withdrawn_at = timezone.now()
    incident.withdrawn_by = actor
    incident.withdrawn_reason = reason
    _save(incident)
    _police_report_follow(actor=actor, case=incident.case)
    _audit(
        actor,
        AuditAction.UPDATE,
        incident,
        incident.case,
        reason=f"incident withdrawn ({incident.gbv_type}) — {reason}",
    )
    return incident


def _police_report_follow(*, actor: User, case: Case) -> None:
    """The police-report task follows the case's sexual-violence basis (UU TPKS Pasal 41): the
    case's violence types include ``sexual`` or an incident not withdrawn is sexual. With a
    basis, the task exists (a task cancelled by this rule opens again, still due 72 h after
    receipt). Without one, an open task is cancelled, but only when a supervisor acts: the
    statutory task is set aside by a supervisor alone, so a caseworker's correction or
    withdrawal leaves it open for the supervisor to waive."""
    task = case.tasks.filter(kind=TaskKind.POLICE_REPORT).order_by("id").first()
    basis = ViolenceType.SEXUAL in (case.violence_types or []) or any(
        i.sexual for i in case.incidents.active()
    )
    if basis:
        if task is None:
            _ensure_police_report_task(case)
        elif task.status == TaskStatus.CANCELLED and task.source_rule == POLICE_REPORT_RULE:
            task.status = TaskStatus.OPEN
            _save(task)
            _audit(actor, AuditAction.UPDATE, task, case, reason="police report task reopened")
    elif task is not None and task.status == TaskStatus.OPEN and actor.role in SUPERVISORS:
        task.status = TaskStatus.CANCELLED
        _save(task)
        _audit(
            actor,
            AuditAction.UPDATE,
            task,
            case,
            reason="police report task cancelled: no sexual-violence incident remains",
        )
