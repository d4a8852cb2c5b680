"""Background work of case management (Django's tasks framework, database backend)."""

from __future__ import annotations

from django.tasks import task

from .services.messages import reporter_message_notices_email
from .services.notifications import (
    notices_email_grouped,
    overdue_notices_create,
    overdue_notices_email,
)


@task()
def notify_overdue_tasks() -> dict[str, int]:
    """Notify owners and area supervisors of overdue case tasks, in the app and by e-mail.
    Idempotent: a second run creates and sends nothing new. Cron enqueues it every 15 minutes
    through ``manage.py notify_overdue``; ``manage.py db_worker`` runs it."""
    created = overdue_notices_create()
    # Every unsent notice of a still-open task, so a send that failed last run is retried.
    emailed = overdue_notices_email()
    return {"created": len(created), "emailed": emailed}


@task()
def email_reporter_message_notices(notification_ids: list[int]) -> int:
    """E-mail the notices of a reporter's new message on a case (enqueued after the message
    is stored). Idempotent: a notice already e-mailed is not sent again."""
    return reporter_message_notices_email(ids=notification_ids)


@task()
def email_notices(notification_ids: list[int]) -> int:
    """E-mail the notices of an event (a new assignment, a decision asked for), enqueued after
    the event's transaction commits: one e-mail per user, without case content. Idempotent: a
    notice already e-mailed is not sent again."""
    return notices_email_grouped(ids=notification_ids)
