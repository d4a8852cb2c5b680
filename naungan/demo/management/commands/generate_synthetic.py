"""``manage.py generate_synthetic --cases N [--seed S]``: N realistic synthetic cases."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naungan.demo.synthetic import generate
from naungan.orgs.models import Organisation, OrgKind


class Command(BaseCommand):
    help = (
        "Add N realistic synthetic cases (people, reports, incidents, tasks) for benchmarks. "
        "Loads the demo organisations and users first when there is no UPTD PPA."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cases", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        n = options["cases"]
        if n < 0:
            raise CommandError("--cases must be 0 or more")
        if not Organisation.objects.filter(kind=OrgKind.UPTD_PPA).exists():
            from naungan.demo.seed import seed_demo

            seed_demo()
        start = time.monotonic()
        step = max(1000, n // 20)

        def progress(done: int) -> None:
            if done % step == 0 or done == n:
                rate = done / max(time.monotonic() - start, 1e-6)
                self.stderr.write(f"{done}/{n} cases ({rate:.0f}/s)")

        try:
            made = generate(cases=n, seed=options["seed"], progress=progress)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{made} synthetic cases in {time.monotonic() - start:.1f} s")
