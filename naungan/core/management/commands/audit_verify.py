from typing import Any

from django.core.management.base import BaseCommand, CommandError

from naungan.core.audit import audit_verify


class Command(BaseCommand):
    help = (
        "Recompute the keyed audit chain; exit 1 naming the first broken link (its seq, id and "
        "what is wrong). Prints the head of the chain: keep it outside the database to detect "
        "events removed from the end."
    )

    def handle(self, *args: Any, **opts: Any) -> None:
        report = audit_verify()
        if not report.ok:
            raise CommandError(
                f"audit chain broken at seq {report.broken_seq} (event id {report.broken_id}): "
                f"{report.problem}; {report.checked} events before it are intact"
            )
        self.stdout.write(
            f"audit chain intact: {report.checked} events, head seq {report.head_seq} "
            f"hash {report.head_hash or '-'}; {report.unsealed} not sealed yet"
        )
