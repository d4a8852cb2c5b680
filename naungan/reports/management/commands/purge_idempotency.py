from typing import Any

from django.core.management.base import BaseCommand

from naungan.reports.services.housekeeping import idempotency_purge
from naungan.reports.tasks import purge_idempotency_records


class Command(BaseCommand):
    help = (
        "Delete idempotency records (which hold reporters' encrypted PINs) older than 24 hours. "
        "Enqueues the task for the worker; --now runs it here. Run hourly from cron."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--now", action="store_true", help="run inline, not on the queue")

    def handle(self, *args: Any, **o: Any) -> None:
        if o["now"]:
            self.stdout.write(f"deleted {idempotency_purge()} expired idempotency records")
        else:
            purge_idempotency_records.enqueue()
            self.stdout.write("enqueued purge_idempotency_records")
