"""Accompaniment by an activist (DESIGN §10 (3)): a writer of a case (its caseworkers, the
supervisors of its area) names an activist companion and writes the brief — only what they
choose to share — and the task; the activist logs each thing they did (date, where, with whom,
what happened). The activist reaches nothing else of the case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import Role, User
from naungan.cases.models import Case, Task, TaskKind, TaskStatus
from naungan.cases.selectors import case_is_writable
from naungan.cases.services import task_create
from naungan.core.models import AuditAction

from ..exceptions import BriefClosed, NotFound
from ..models import AccompanimentBrief, AccompanimentLog, BriefStatus
from ._common import audit, latest_today

TEXT_MAX = 4000
# The case Task of a brief without a due date is due this many days after it was named.
TASK_DEFAULT_DAYS = 7
TASK_RULE = "Aktivis pendamping (DESIGN §10)"


def task_due_at(due_on: dt.date | None, now: dt.datetime | None = None) -> dt.datetime:
    """When the activist's case Task is due: the end of ``due_on`` (local time), else
    ``TASK_DEFAULT_DAYS`` from now."""
    if due_on is None:
        return (now or timezone.now()) + dt.timedelta(days=TASK_DEFAULT_DAYS)
    zone = timezone.get_current_timezone()
    return dt.datetime.combine(due_on, dt.time(23, 59), tzinfo=zone)


def _close_task(brief: AccompanimentBrief, *, status: str, actor: Any) -> None:
    """Close the brief's open case Task (done, or cancelled when the activist is withdrawn)."""
    if brief.case_task_id is None:
        return
    task = Task.objects.select_for_update().get(pk=brief.case_task_id)
    if task.status != TaskStatus.OPEN:
        return
    task.status = status
    task.completed_at = timezone.now()
    task.completed_by = actor
    task.full_clean()
    task.save()
    audit(
        actor,
        AuditAction.UPDATE,
        task,
        brief.case.area.code,
        reason=f"task {status} {task.kind}",
    )


def _text(errors: dict[str, str], name: str, value: str, *, required: bool = True) -> str:
    out = (value or "").strip()
    if required and not out:
        errors[name] = _("Wajib diisi.")
    elif len(out) > TEXT_MAX:
        errors[name] = _("Terlalu panjang (paling banyak %(n)d karakter).") % {"n": TEXT_MAX}
    return out


@transaction.atomic
def brief_create(
    *,
    actor: User,
    case: Case,
    activist: User,
    brief: str,
    task: str,
    due_on: dt.date | None = None,
    request: HttpRequest | None = None,
) -> AccompanimentBrief:
    """Name ``activist`` companion on ``case`` with a brief and a task. Callers: the case's
    writers (else NotFound, as the case page itself). The activist must be an activist
    account inside the caller's area."""
    if not case_is_writable(user=actor, case=case):
        raise NotFound
    errors: dict[str, str] = {}
    if (
        activist.role != Role.ACTIVIST
        or not activist.is_active
        or not actor.in_scope(activist.area)
    ):
        errors["activist"] = _("Pilih aktivis PPATBM di wilayah Anda.")
    brief_text = _text(errors, "brief", brief)
    task_text = _text(errors, "task", task)
    if errors:
        raise ValidationError(errors)
    record = AccompanimentBrief(
        case=case,
        activist=activist,
        brief=brief_text,
        task=task_text,
        due_on=due_on,
        created_by=actor,
    )
    record.case_task = task_create(
        case=case,
        kind=TaskKind.ACTIVIST_ACCOMPANIMENT,
        due_at=task_due_at(due_on),
        owner=activist,
        source_rule=TASK_RULE,
        title=_("Aktivis pendamping: %(task)s") % {"task": task_text[:200]},
    )
    record.full_clean()
    record.save()
    audit(
        actor, AuditAction.CREATE, record, case.area.code, request=request, categories="narrative"
    )
    return record


@transaction.atomic
def brief_close(
    *, actor: User, brief: AccompanimentBrief, status: str, request: HttpRequest | None = None
) -> AccompanimentBrief:
    """The case's writers mark the accompaniment done, or withdraw it (the activist then no
    longer sees the brief). The activist's case Task is closed with it: done, or cancelled."""
    if not case_is_writable(user=actor, case=brief.case):
        raise NotFound
    if status not in (BriefStatus.DONE, BriefStatus.WITHDRAWN):
        raise ValidationError({"status": _("Pilihan tidak dikenal.")})
    brief = (
        AccompanimentBrief.objects.select_for_update(of=("self",))
        .select_related("case__area")
        .get(pk=brief.pk)
    )
    if brief.status != BriefStatus.OPEN:
        raise BriefClosed
    brief.status = status
    brief.save(update_fields=["status", "updated_at"])
    task_status = TaskStatus.DONE if status == BriefStatus.DONE else TaskStatus.CANCELLED
    _close_task(brief, status=task_status, actor=actor)
    audit(actor, AuditAction.UPDATE, brief, brief.case.area.code, request=request)
    return brief


@dataclass
class LogInput:
    done_on: dt.date | None
    place: str
    what_happened: str
    with_whom: str = ""
    # The activist says the accompaniment is finished: the brief is done, its Task closed.
    finished: bool = False


@transaction.atomic
def brief_log(
    *, actor: Any, brief: AccompanimentBrief, data: LogInput, request: HttpRequest | None = None
) -> AccompanimentLog:
    """The activist named on ``brief`` logs what they did; ``data.finished`` closes the
    accompaniment (the brief is done, its case Task done). Anyone else: NotFound; a brief
    that is done or withdrawn: BriefClosed (409). The brief row is locked, so a log never
    lands on a brief withdrawn at the same moment."""
    locked = (
        AccompanimentBrief.objects.select_for_update(of=("self",))
        .select_related("case__area")
        .filter(pk=brief.pk)
        .first()
    )
    if locked is None:
        raise NotFound
    brief = locked
    if brief.activist_id != getattr(actor, "pk", None) or brief.status == BriefStatus.WITHDRAWN:
        raise NotFound
    if brief.status != BriefStatus.OPEN:
        raise BriefClosed
    errors: dict[str, str] = {}
    if data.done_on is None:
        errors["done_on"] = _("Wajib diisi.")
    elif data.done_on > latest_today():
        errors["done_on"] = _("Tanggal tidak boleh di masa depan.")
    place = _text(errors, "place", data.place)
    with_whom = _text(errors, "with_whom", data.with_whom, required=False)
    what = _text(errors, "what_happened", data.what_happened)
    if errors or data.done_on is None:
        raise ValidationError(errors)
    log = AccompanimentLog(
        brief=brief,
        done_on=data.done_on,
        place=place,
        with_whom=with_whom,
        what_happened=what,
        finished=bool(data.finished),
        created_by=actor,
    )
    log.full_clean()
    log.save()
    audit(
        actor,
        AuditAction.CREATE,
        log,
        brief.case.area.code,
        request=request,
        categories="narrative",
    )
    if log.finished:
        brief.status = BriefStatus.DONE
        brief.save(update_fields=["status", "updated_at"])
        audit(actor, AuditAction.UPDATE, brief, brief.case.area.code, request=request)
        _close_task(brief, status=TaskStatus.DONE, actor=actor)
    return log


def brief_read_audit(
    *, actor: Any, brief: AccompanimentBrief, request: HttpRequest | None = None
) -> None:
    """Reading a brief is reading case content (DESIGN §12): audited."""
    audit(
        actor,
        AuditAction.VIEW,
        brief,
        brief.case.area.code,
        request=request,
        categories="narrative",
    )
