"""Background work of case management (Django's tasks framework, database backend)."""

from __future__ import annotations

from django.tasks import task

from .services.notifications import overdue_notices_create, overdue_notices_email


@task()
def notify_overdue_tasks() -> dict[str, int]:
    """Notify owners and area supervisors of overdue case tasks, in the app and by e-mail.
    Idempotent: a second run creates and sends nothing new. Cron enqueues it every 15 minutes
    through ``manage.py notify_overdue``; ``manage.py db_worker`` runs it."""
    created = overdue_notices_create()
    # Every unsent notice of a still-open task, so a send that failed last run is retried.
    emailed = overdue_notices_email()
    return {"created": len(created), "emailed": emailed}
