"""In-app notices to staff, and their e-mail.

Overdue-task notices (DESIGN §6): in the app for the task's owner (or the case's lead) and the
supervisors whose area scope covers the case, and by e-mail when the user has an address. A
notice names the case by registration number and the task by kind, never a person, so it may
leave the system by e-mail. Runs in the background queue (``cases.tasks``).

Notices of an event (``notices_create``): a new assignment to the assigned worker, a decision
asked of the area's supervisors (a plan submitted, a closure requested, a transfer to accept).
Their e-mail says only that something waits in Naungan, with a link, never the case.

Every notice's text and every e-mail is in its recipient's language (``User.language``,
Indonesian by default), whatever the language of the request that caused it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

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
    for task in chunk:
        for user in _recipients(task, supervisors):
            if (task.pk, user.pk) in existing:
                continue
            with override(user.preferred_language):
                message = _overdue_message(task)
            notice = Notification(
                user=user,
                kind=NotificationKind.TASK_OVERDUE,
                case=task.case,
                task=task,
                message=message,
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
    retried by the next run. The text is the notice's (already in the user's language), which
    never holds personal data; the subject is put in the user's language. Returns how many
    went out."""
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
            with override(notice.user.preferred_language):
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


# --- notices of an event ----------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeText:
    """A notice's text before it is put in a language: ``notices_create`` renders it in each
    recipient's language. ``str()`` gives the installation's language."""

    text: str | Promise
    params: dict[str, object] = field(default_factory=dict)

    def in_language(self, code: str) -> str:
        with override(code):
            return str(self.text) % self.params

    def __str__(self) -> str:
        return self.in_language(settings.LANGUAGE_CODE)


def notice_text(text: str | Promise, **params: object) -> NoticeText:
    """A notice's text (a lazy translation and its parameters), rendered in each recipient's
    language when stored, whatever the language of the request that caused it: notices are
    read later, by someone else."""
    return NoticeText(text, params)


def approvers_for(case: Case, *, besides: User) -> list[User]:
    """The supervisors who may decide on ``case`` (scope covers its area; the named ones on a
    restricted case), except ``besides`` (who asked and may not decide their own request)."""
    supervisors = supervisors_for({case.area.code})
    return [u for u in notice_recipients(case, first=None, supervisors=supervisors) if u != besides]


def notices_create(
    *,
    users: Iterable[User],
    kind: str,
    case: Case | None,
    message: str | NoticeText,
    link: str = "",
    email: bool = False,
) -> list[Notification]:
    """One notice of an event to each active user of ``users`` (once each), audited as a
    system write. With ``email`` those with an address are also e-mailed from the background
    queue once the transaction commits (``notices_email_later``). ``message`` names the case by
    registration number only, in each user's language when it is a ``notice_text``. Callers:
    the service of the event, inside its transaction."""
    notices: list[Notification] = []
    for user in users:
        if not user.is_active or any(n.user_id == user.pk for n in notices):
            continue
        text = (
            message.in_language(user.preferred_language)
            if isinstance(message, NoticeText)
            else message
        )
        notice = Notification(user=user, kind=kind, case=case, message=text[:300], link=link)
        notice.full_clean(exclude=["user", "case", "task"])
        notices.append(notice)
    created = Notification.objects.bulk_create(notices)
    for notice in created:
        audit_record(
            actor=None,
            actor_label="system",
            action=AuditAction.CREATE,
            object_type="cases.notification",
            object_id=str(case.public_id) if case else "",
            area_code=case.area.code if case else "",
            reason=f"{kind} notice to user {notice.user_id}",
        )
    if email:
        notices_email_later(created)
    return created


def notices_email_later(notices: Iterable[Notification]) -> None:
    """Enqueue one e-mail task for the notices whose user has an address, after the
    transaction commits (a rolled-back action sends nothing; the task reads committed rows)."""
    ids = [n.pk for n in notices if n.pk is not None and n.user.email]
    if ids:
        from ..tasks import email_notices

        transaction.on_commit(lambda: email_notices.enqueue(ids))


def _event_mail(kind: str, count: int) -> tuple[str, str]:
    """Subject and first line of the e-mail for ``count`` notices of one kind."""
    if kind == NotificationKind.ASSIGNED:
        return _("[Naungan] Penugasan kasus baru"), ngettext(
            "Anda mendapat penugasan kasus baru.",
            "Anda mendapat %(n)d penugasan kasus baru.",
            count,
        ) % {"n": count}
    if kind == NotificationKind.APPROVAL:
        return _("[Naungan] Menunggu keputusan Anda"), ngettext(
            "Ada permintaan yang menunggu keputusan Anda.",
            "Ada %(n)d permintaan yang menunggu keputusan Anda.",
            count,
        ) % {"n": count}
    return _("[Naungan] Pemberitahuan baru"), ngettext(
        "Ada pemberitahuan baru untuk Anda.", "Ada %(n)d pemberitahuan baru untuk Anda.", count
    ) % {"n": count}


def _event_mail_text(notices: list[Notification]) -> tuple[str, str]:
    kinds = sorted({n.kind for n in notices})
    lines = [_event_mail(k, sum(1 for n in notices if n.kind == k))[1] for k in kinds]
    subject = _event_mail(kinds[0], len(notices))[0] if len(kinds) == 1 else ""
    site = settings.SITE_URL.rstrip("/")
    lines.append(
        _("Buka Naungan untuk melihatnya: %(url)s") % {"url": f"{site}/"}
        if site
        else _("Buka Naungan untuk melihatnya.")
    )
    lines.append(_("Demi kerahasiaan, e-mail ini tidak memuat isi atau nomor kasus."))
    return subject or _("[Naungan] Pemberitahuan baru"), "\n\n".join(lines)


def notices_email_grouped(*, ids: Iterable[int]) -> int:
    """E-mail the given notices not yet sent: one e-mail per user (a bulk assignment of fifty
    cases is one e-mail), saying only what kind of work waits, with a link to Naungan; never
    the case, its number or a person. In the user's language (``User.language``). Each user's
    notices are locked while sent, so two workers never send them twice; a failed send stays
    unmarked. Returns how many e-mails went out."""
    wanted = list(dict.fromkeys(ids))
    users = (
        Notification.objects.filter(pk__in=wanted, emailed_at__isnull=True)
        .exclude(user__email="")
        .values_list("user_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in sorted(set(users)):
        with transaction.atomic():
            notices = list(
                Notification.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("user")
                .filter(pk__in=wanted, user_id=user_id, emailed_at__isnull=True)
                .order_by("pk")
            )
            if not notices:
                continue
            with override(notices[0].user.preferred_language):
                subject, body = _event_mail_text(notices)
            try:
                EmailMessage(subject, body, None, [notices[0].user.email]).send()
            except OSError:
                logger.warning("notice e-mail failed for user %s", user_id)
                continue
            now = timezone.now()
            Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
                emailed_at=now, updated_at=now
            )
            sent += 1
    return sent
