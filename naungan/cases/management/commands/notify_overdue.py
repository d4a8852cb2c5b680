"""Enqueue the overdue-task notices (cron: every 15 minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from naungan.cases.tasks import notify_overdue_tasks


class Command(BaseCommand):
    help = (
        "Enqueue notify_overdue_tasks on the task queue (run by `manage.py db_worker`); "
        "--now runs it in this process instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Run inline, not via the queue.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            result = notify_overdue_tasks.call()
            self.stdout.write(f"created={result['created']} emailed={result['emailed']}")
            return
        queued = notify_overdue_tasks.enqueue()
        self.stdout.write(f"enqueued {queued.id}")
