"""Shared pieces of the case services: vocabulary checks, permission checks, people, tasks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.core.audit import audit_record
from naungan.core.fields import blind_index
from naungan.core.normalize import is_valid_nik, normalize_nik

from ..exceptions import (
    NotPermitted,
)
from ..models import (
    Case,
    CaseStatus,
    Person,
    PersonNameToken,
    Task,
    TaskKind,
    ViolenceType,
)
from ..names import name_token_hashes
from ..selectors import cases_writable_by, persons_linkable_by

POLICE_REPORT_HOURS = 72  # UU TPKS Pasal 41(3): clock hours from the victim's report
POLICE_REPORT_RULE = "UU TPKS Pasal 41"
CLOCK_SKEW = timedelta(minutes=5)

# Allowed transitions outside closure (which goes through a request and approval) and reopening
# (which needs a reason and returns to assessment). Monitoring may go back to a new plan.
TRANSITIONS: dict[str, frozenset[str]] = {
    CaseStatus.OPEN: frozenset({CaseStatus.ASSESSMENT}),
    CaseStatus.ASSESSMENT: frozenset({CaseStatus.INTERVENTION}),
    CaseStatus.INTERVENTION: frozenset({CaseStatus.MONITORING}),
    CaseStatus.MONITORING: frozenset({CaseStatus.INTERVENTION}),
    CaseStatus.CLOSED: frozenset(),
}


@dataclass
class PersonIn:
    """A person to add to a case: new data, or ``person_id`` of someone already in a case the
    actor sees (search before create: link instead of duplicating)."""

    name: str = ""
    nik: str = ""
    phone: str = ""
    address: str = ""
    birth_date: date | None = None
    age: int | None = None
    sex: str = ""
    disability: bool = False
    education: str = ""
    occupation: str = ""
    marital_status: str = ""
    person_id: str | None = None
    relationship: str = ""  # perpetrators: GBVIMS relationship to the victim(s)
    violence_types: list[str] = field(default_factory=list)  # victims
    place: str = ""  # victims: SIMFONI place


# --- helpers ----------------------------------------------------------------------------------


def _check_violence_types(values: Iterable[str], field_name: str = "violence_types") -> list[str]:
    values = list(dict.fromkeys(values))
    unknown = [v for v in values if v not in ViolenceType.values]
    if unknown:
        raise ValidationError(
            {field_name: _("Jenis kekerasan tidak dikenal: %(v)s") % {"v": ", ".join(unknown)}}
        )
    return values


def _save(obj: Any, **kwargs: Any) -> None:
    obj.full_clean(**kwargs)
    obj.save()


def _audit(actor: User, action: str, obj: Any, case: Case, **extra: Any) -> None:
    audit_record(actor=actor, action=action, obj=obj, area_code=case.area.code, **extra)


def _lock(case: Case) -> Case:
    """The case row locked for this transaction, re-read so decisions use fresh state."""
    return Case.objects.select_for_update().select_related("area").get(pk=case.pk)


def _require_writer(actor: User, case: Case) -> None:
    if not cases_writable_by(actor).filter(pk=case.pk).exists():
        raise NotPermitted


def _require_supervisor(actor: User, case: Case) -> None:
    if actor.role not in SUPERVISORS or not actor.in_scope(case.area):
        raise NotPermitted(_("Hanya supervisor wilayah kasus ini yang boleh melakukannya."))


def _person_from(*, actor: User, data: PersonIn, field_name: str) -> Person:
    if data.person_id:
        person = persons_linkable_by(user=actor).filter(public_id=data.person_id).first()
        if person is None:
            raise ValidationError({field_name: _("Orang yang dirujuk tidak ditemukan.")})
        return person
    person = Person(created_by=actor)
    person_fill(person, data, field_name=field_name)
    person.save()
    PersonNameToken.objects.bulk_create(
        [PersonNameToken(person=person, token=t) for t in name_token_hashes(person.name)]
    )
    return person


def person_fill(person: Person, data: PersonIn, *, field_name: str) -> None:
    """Set a person's details from ``data`` (identity encrypted, NIK and phone with their blind
    indexes, birth year from the birth date) and check them; the caller saves, and writes the
    name tokens of search before create."""
    if data.nik and not is_valid_nik(data.nik):
        raise ValidationError({field_name: _("NIK harus 16 angka.")})
    if data.birth_date and data.birth_date > timezone.localdate():
        raise ValidationError({field_name: _("Tanggal lahir tidak boleh di masa depan.")})
    person.name = data.name.strip()
    person.nik = normalize_nik(data.nik) if data.nik else ""
    person.nik_index = blind_index("nik", data.nik)
    person.phone = data.phone.strip()
    person.phone_index = blind_index("phone", data.phone)
    person.address = data.address.strip()
    person.birth_date = data.birth_date.isoformat() if data.birth_date else ""
    person.birth_year = data.birth_date.year if data.birth_date else None
    person.age = data.age
    person.sex = data.sex
    person.disability = data.disability
    person.education = data.education
    person.occupation = data.occupation
    person.marital_status = data.marital_status
    try:
        person.full_clean()
    except ValidationError as exc:
        raise ValidationError({field_name: exc.messages}) from exc


def _next_registration_number(case: Case) -> str:
    """``<unit area code>/<year>/<sequence>``, e.g. ``64.71/2026/00042``; the organisation row
    is locked so two intakes never draw the same number."""
    type(case.organisation).objects.select_for_update().filter(pk=case.organisation.pk).first()
    year = case.local_received_at().year
    prefix = f"{case.organisation.area.code}/{year}/"
    seq = Case.objects.filter(registration_number__startswith=prefix).count() + 1
    while Case.objects.filter(registration_number=f"{prefix}{seq:05d}").exists():
        seq += 1
    return f"{prefix}{seq:05d}"


def task_create(
    *,
    case: Case,
    kind: str,
    due_at: datetime,
    owner: User | None = None,
    statutory: bool = False,
    source_rule: str = "",
    title: str = "",
) -> Task:
    """Create a task on a case (internal: callers are the services that own the rule);
    ``title`` says what to do when the kind does not (a plan action)."""
    task = Task(
        case=case,
        kind=kind,
        title=title.strip(),
        due_at=due_at,
        owner=owner if owner is not None else case.lead,
        statutory=statutory,
        source_rule=source_rule,
    )
    _save(task)
    return task


def _ensure_police_report_task(case: Case) -> Task | None:
    """Sexual violence: report to police within 72 h of the victim's report, counted from
    ``received_at`` even when recognised later (UU TPKS Pasal 41(3))."""
    if case.tasks.filter(kind=TaskKind.POLICE_REPORT).exists():
        return None
    return task_create(
        case=case,
        kind=TaskKind.POLICE_REPORT,
        due_at=case.received_at + timedelta(hours=POLICE_REPORT_HOURS),
        statutory=True,
        source_rule=POLICE_REPORT_RULE,
    )
