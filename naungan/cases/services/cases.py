"""Opening cases (directly or from a report), assignment, and the audit of reads."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import CASE_CREATORS
from naungan.areas.models import Area
from naungan.cases.exceptions import NotPermitted, TransitionNotAllowed
from naungan.cases.models import (
    Case,
    CaseParty,
    CaseStatus,
    PartyRole,
    StatusChange,
    TaskKind,
    ViolenceType,
)
from naungan.cases.services._common import (
    CLOCK_SKEW,
    PersonIn,
    _audit,
    _check_violence_types,
    _ensure_police_report_task,
    _next_registration_number,
    _person_from,
    _save,
    task_create,
)
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.core.registry import case_listeners
from naungan.orgs.models import OrgKind
from naungan.reports.models import Report, ReporterRelation
from naungan.reports.services import (
    ReportError,
    report_mark_converted,
    triage_hours,
    triage_is_below,
)


@transaction.atomic
def case_create(
    *,
    actor: User,
    area: Area,
    channel: str,
    violence_types: list[str],
    description: str = "",
    received_at: datetime | None = None,
    triage: str = "",
    victims: list[PersonIn] | None = None,
    perpetrators: list[PersonIn] | None = None,
    others: list[tuple[str, PersonIn]] | None = None,
    restricted: bool = False,
    source_report: Report | None = None,
) -> Case:
    """Open a case (walk-in, hotline, referral in, or a converted report). Callers: intake
    officers and supervisors whose area contains ``area``; the case belongs to their UPTD PPA.
    Sexual-violence cases get a ``police_report`` task due exactly 72 h after ``received_at``
    (UU TPKS Pasal 41). A triaged case gets a ``first_response`` task due at ``received_at``
    plus the level's response clock (DESIGN §4: emergency 1 h, high 3 h … unless configured),
    unless that time has passed already. A restricted case is visible to its creator and named
    staff only."""
    if actor.role not in CASE_CREATORS:
        raise NotPermitted(_("Hanya petugas penerimaan dan supervisor yang membuat kasus."))
    if not actor.in_scope(area):
        raise ValidationError({"area_code": _("Wilayah di luar wilayah tugas Anda.")})
    org = actor.organisation
    if org is None or org.kind != OrgKind.UPTD_PPA:
        raise ValidationError({"organisation": _("Akun Anda tidak terhubung ke UPTD PPA.")})
    now = timezone.now()
    received_at = received_at or now
    if received_at > now + CLOCK_SKEW:
        raise ValidationError({"received_at": _("Waktu diterima tidak boleh di masa depan.")})
    victims = victims or []
    perpetrators = perpetrators or []
    types = _check_violence_types(violence_types)
    for i, v in enumerate(victims):
        v.violence_types = _check_violence_types(v.violence_types, f"victims[{i}]")
        types += [t for t in v.violence_types if t not in types]  # union over victims

    case = Case(
        organisation=org,
        area=area,
        channel=channel,
        received_at=received_at,
        violence_types=types,
        description=description,
        triage=triage,
        restricted=restricted,
        created_by=actor,
        source_report=source_report,
        registration_number="-",
    )
    case.registration_number = _next_registration_number(case)
    _save(case)
    StatusChange.objects.create(case=case, from_status="", to_status=CaseStatus.OPEN, actor=actor)
    if restricted:
        case.restricted_to.add(actor)

    for i, v in enumerate(victims):
        person = _person_from(actor=actor, data=v, field_name=f"victims[{i}]")
        party = CaseParty(
            case=case,
            person=person,
            role=PartyRole.VICTIM,
            violence_types=v.violence_types,
            place=v.place,
        )
        _save(party)
    for i, p in enumerate(perpetrators):
        person = _person_from(actor=actor, data=p, field_name=f"perpetrators[{i}]")
        party = CaseParty(
            case=case, person=person, role=PartyRole.PERPETRATOR, relationship=p.relationship
        )
        _save(party)
    for i, (role, o) in enumerate(others or []):
        person = _person_from(actor=actor, data=o, field_name=f"parties[{i}]")
        _save(CaseParty(case=case, person=person, role=role))

    if ViolenceType.SEXUAL in types:
        _ensure_police_report_task(case)
    if triage:
        # The triage clock of the case's level, from received_at (DESIGN §4), as for a report.
        due = received_at + timedelta(hours=triage_hours(org, triage))
        if due > now:
            task_create(
                case=case,
                kind=TaskKind.FIRST_RESPONSE,
                due_at=due,
                source_rule=f"triage {triage}",
            )
    _audit(actor, AuditAction.CREATE, case, case, categories="identity,contact,narrative")
    # Later apps record what opening a case gives (the complaint and case-management services).
    for listener in case_listeners():
        listener(event="opened", case=case, actor=actor)
    return case


@transaction.atomic
def report_convert(
    *,
    actor: User,
    report: Report,
    victims: list[PersonIn] | None = None,
    perpetrators: list[PersonIn] | None = None,
    violence_types: list[str] | None = None,
    triage: str | None = None,
    area: Area | None = None,
    restricted: bool = False,
) -> Case:
    """Turn an open complaint into a case (DESIGN §4). The case keeps the report's
    ``received_at`` (so the 72-hour police clock counts from the victim's report), channel,
    description, violence types and triage unless given; the report's victim and, when the
    reporter is not the victim, the reporter become parties. The case's triage clock, counted
    from the same ``received_at``, becomes its ``first_response`` task while still ahead
    (``case_create``). Callers: intake officers and supervisors who see the report (the caller
    looked it up through ``report_get``). A ``triage`` below the report's level is refused
    (409): lowering a level is the triage action's, which only a supervisor may take and only
    with a written reason (``report_triage``)."""
    if triage is not None and triage_is_below(triage, report.triage):
        raise TransitionNotAllowed(
            _(
                "Tingkat triase tidak dapat diturunkan saat membuat kasus. Supervisor dapat "
                "menurunkannya dengan alasan lewat triase laporan."
            )
        )
    try:
        report_mark_converted(actor=actor, report=report)
    except ReportError as exc:
        raise TransitionNotAllowed(exc.message) from exc
    area = area or report.area or actor.area
    if area is None:
        raise ValidationError({"area_code": _("Tentukan wilayah kasus.")})
    is_victim_reporter = report.reporter_relation == ReporterRelation.VICTIM
    if not victims:
        victims = [
            PersonIn(
                name=report.victim_name or (report.reporter_name if is_victim_reporter else ""),
                age=report.victim_age,
                sex=report.victim_sex,
                phone=report.reporter_phone if is_victim_reporter else "",
                violence_types=list(report.violence_types or []),
            )
        ]
    others: list[tuple[str, PersonIn]] = []
    if not is_victim_reporter and (report.reporter_name or report.reporter_phone):
        others.append(
            (PartyRole.REPORTER, PersonIn(name=report.reporter_name, phone=report.reporter_phone))
        )
    case = case_create(
        actor=actor,
        area=area,
        channel=report.channel,
        received_at=report.received_at,
        violence_types=list(
            violence_types if violence_types is not None else report.violence_types
        ),
        description=report.description,
        triage=triage if triage is not None else report.triage,
        victims=victims,
        perpetrators=perpetrators,
        others=others,
        restricted=restricted,
        source_report=report,
    )
    return case


def case_read_audit(*, actor: User, case: Case, categories: str = "", request: Any = None) -> None:
    """Record a read of one case's data (DESIGN §12: every read is audited)."""
    audit_record(
        actor=actor, action=AuditAction.VIEW, obj=case, categories=categories, request=request
    )


def case_list_audit(*, actor: User, count: int, request: Any = None) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        object_type="cases.case",
        object_id="list",
        categories=f"list:{count}",
        request=request,
    )


def match_hidden_alert(*, actor: User, cases: list[Case]) -> None:
    """A search-before-create match outside the actor's scope is never shown; it is recorded
    for the supervisors covering that case's area (audit log, outcome ``hidden_match``)."""
    for case in cases:
        audit_record(
            actor=actor,
            action=AuditAction.VIEW,
            object_type="cases.case",
            object_id=str(case.public_id),
            area_code=case.area.code,
            categories="match",
            outcome="hidden_match",
        )
