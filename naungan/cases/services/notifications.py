"""Overdue-task notices (DESIGN §6): in the app for the task's owner (or the case's
lead) and the supervisors whose area scope covers the case, and by e-mail when the user has an
address. A notice names the case by registration number and the task by kind, never a person,
so it may leave the system by e-mail. Runs in the background queue (``cases.tasks``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.core.words import local_datetime

from ..exceptions import NotPermitted
from ..models import Case, CaseStatus, Notification, NotificationKind, Task, TaskKind, TaskStatus

logger = logging.getLogger(__name__)
BATCH = 500


def _overdue_message(task: Task) -> str:
    case = task.case
    return _("Tugas terlambat: %(kind)s pada kasus %(number)s, tenggat %(due)s %(zone)s.") % {
        "kind": TaskKind(task.kind).label,
        "number": case.registration_number,
        "due": local_datetime(task.due_at, case.area.timezone),
        "zone": case.area.zone_label,
    }


def _recipients(task: Task, supervisors: Iterable[User]) -> list[User]:
    """The owner (or the lead) and each supervisor whose area contains the case's area."""
    return notice_recipients(task.case, first=task.owner or task.case.lead, supervisors=supervisors)


def notice_recipients(case: Case, *, first: User | None, supervisors: Iterable[User]) -> list[User]:
    """``first`` (the task's owner or the case's lead) when active, then each supervisor whose
    area contains the case's area, once each. A restricted case only notifies supervisors
    named on it (DESIGN §11)."""
    out: list[User] = []
    if first is not None and first.is_active:
        out.append(first)
    named: set[int] | None = None
    if case.restricted:
        named = {u.pk for u in case.restricted_to.all()}
    for sup in supervisors:
        if not sup.in_scope(case.area) or (named is not None and sup.pk not in named):
            continue
        if all(u.pk != sup.pk for u in out):
            out.append(sup)
    return out


def supervisors_for(area_codes: set[str]) -> list[User]:
    """Active supervisors whose area is one of the given areas or their ancestors. The final
    word is ``User.in_scope`` (``Area.contains``); this only narrows the candidates."""
    prefixes: set[str] = set()
    for code in area_codes:
        parts = code.split(".")
        prefixes |= {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
    return list(
        User.objects.filter(role__in=SUPERVISORS, is_active=True, area__code__in=prefixes)
        .select_related("area")
        .order_by("pk")
    )


def overdue_notices_create(*, now: datetime | None = None) -> list[int]:
    """Create the missing ``task_overdue`` notices for every open task past its deadline on a
    case that is not closed. Safe to run twice: the unique constraint (user, task, kind) and
    ``ignore_conflicts`` make a second run create nothing. Returns the ids of new notices.
    Caller: the background task ``notify_overdue_tasks`` (system, no actor)."""
    now = now or timezone.now()
    tasks = (
        Task.objects.filter(status=TaskStatus.OPEN, due_at__lt=now)
        .exclude(case__status=CaseStatus.CLOSED)
        .select_related("owner", "case", "case__area", "case__lead")
        .prefetch_related("case__restricted_to")
        .order_by("pk")
    )
    new_ids: list[int] = []
    last_pk = 0
    while True:
        chunk = list(tasks.filter(pk__gt=last_pk)[:BATCH])
        if not chunk:
            break
        last_pk = chunk[-1].pk
        new_ids += _create_for_chunk(chunk)
    return new_ids


@transaction.atomic
def _create_for_chunk(chunk: list[Task]) -> list[int]:
    supervisors = supervisors_for({t.case.area.code for t in chunk})
    existing = set(
        Notification.objects.filter(task__in=chunk, kind=NotificationKind.TASK_OVERDUE).values_list(
            "task_id", "user_id"
        )
    )
    wanted: list[Notification] = []
    with override(settings.LANGUAGE_CODE):
        for task in chunk:
            for user in _recipients(task, supervisors):
                if (task.pk, user.pk) in existing:
                    continue
                notice = Notification(
                    user=user,
                    kind=NotificationKind.TASK_OVERDUE,
                    case=task.case,
                    task=task,
                    message=_overdue_message(task),
                )
                # The related rows were just read; checking they exist again costs 3 queries.
                notice.full_clean(exclude=["user", "case", "task"], validate_constraints=False)
                wanted.append(notice)
    if not wanted:
        return []
    # A concurrent run may have inserted some of these; the constraint keeps one of each.
    Notification.objects.bulk_create(wanted, ignore_conflicts=True)
    ids = list(
        Notification.objects.filter(
            Q(*[Q(task_id=n.task_id, user_id=n.user_id) for n in wanted], _connector=Q.OR),
            kind=NotificationKind.TASK_OVERDUE,
        ).values_list("pk", flat=True)
    )
    for notice in wanted:
        audit_record(
            actor=None,
            actor_label="system",
            action=AuditAction.CREATE,
            object_type="cases.notification",
            object_id=str(notice.task.public_id) if notice.task else "",
            area_code=notice.task.case.area.code if notice.task else "",
            reason=f"task overdue notice to user {notice.user_id}",
        )
    return ids


def overdue_notices_email(*, ids: Iterable[int] | None = None) -> int:
    """E-mail overdue notices not yet sent to users who have an address, marking
    ``emailed_at``. Each notice is locked while it is sent so two workers never send it twice;
    a failed send stays unmarked and is retried by the next run. Returns how many went out."""
    qs = Notification.objects.filter(
        kind=NotificationKind.TASK_OVERDUE, task__status=TaskStatus.OPEN
    )
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return notices_email(
        qs, lambda n: _("[Naungan] Tugas terlambat pada kasus %(n)s") % {"n": _number(n)}
    )


def _number(notice: Notification) -> str:
    return notice.case.registration_number if notice.case else ""


def notices_email(qs: QuerySet[Notification], subject: Callable[[Notification], str]) -> int:
    """E-mail the notices of ``qs`` not yet sent, marking ``emailed_at``. Each notice is locked
    while it is sent so two workers never send it twice; a failed send stays unmarked and is
    retried by the next run. The text is the notice's, which never holds personal data.
    Returns how many went out."""
    qs = qs.filter(emailed_at__isnull=True).exclude(user__email="")
    sent = 0
    for pk in list(qs.values_list("pk", flat=True)):
        with transaction.atomic():
            notice = (
                Notification.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("user", "case")
                .filter(pk=pk, emailed_at__isnull=True)
                .first()
            )
            if notice is None:
                continue
            with override(settings.LANGUAGE_CODE):
                title = subject(notice)
            try:
                EmailMessage(title, notice.message, None, [notice.user.email]).send()
            except OSError:
                logger.warning("notice e-mail failed for notice %s", notice.pk)
                continue
            notice.emailed_at = timezone.now()
            notice.save(update_fields=["emailed_at", "updated_at"])
            sent += 1
    return sent


@transaction.atomic
def notification_mark_read(*, actor: User, notification: Notification) -> Notification:
    """Mark one of the actor's notices read (idempotent). Callers: the notice's user only."""
    if notification.user_id != actor.pk:
        raise NotPermitted
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor: User) -> int:
    """Mark all of the actor's unread notices read; returns how many."""
    now = timezone.now()
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(
        read_at=now, updated_at=now
    )
