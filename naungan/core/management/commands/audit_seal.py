from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from naungan.core.audit import audit_seal


class Command(BaseCommand):
    help = "Seal committed audit events into the keyed chain; --verify then runs audit_verify."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--verify", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        total = 0
        while n := audit_seal():
            total += n
        self.stdout.write(f"sealed {total} events")
        if opts["verify"]:
            call_command("audit_verify", stdout=self.stdout, stderr=self.stderr)
