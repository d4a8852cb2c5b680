from typing import Any

from django.core.management.base import BaseCommand, CommandError

from naungan.core.audit import audit_seal, audit_verify


class Command(BaseCommand):
    help = "Seal new audit events into the hash chain; --verify checks the whole chain."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--verify", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        total = 0
        while n := audit_seal():
            total += n
        self.stdout.write(f"sealed {total} events")
        if opts["verify"]:
            ok, broken = audit_verify()
            if not ok:
                raise CommandError(f"audit chain broken at event {broken}")
            self.stdout.write("audit chain intact")
