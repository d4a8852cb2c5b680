"""Make a monthly statistics report now, or enqueue last month's for every area."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naungan.areas.models import Area
from naungan.stats.models import Audience
from naungan.stats.services.reports import monthly_report_make, previous_month


class Command(BaseCommand):
    help = (
        "Make the monthly statistics PDF of an area (--area CODE [--year Y --month M]; default "
        "last month), or with --enqueue put last month's reports of every area on the task "
        "queue (run it from cron on the first of each month)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--area", help="area code, e.g. 64.71")
        parser.add_argument("--year", type=int)
        parser.add_argument("--month", type=int)
        parser.add_argument("--enqueue", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from naungan.stats.tasks import make_last_months_reports

            make_last_months_reports.enqueue()
            self.stdout.write("enqueued")
            return
        if not options["area"]:
            raise CommandError("--area is required (or --enqueue)")
        area = Area.objects.filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"unknown area {options['area']}")
        year, month = previous_month()
        year = options["year"] or year
        month = options["month"] or month
        if not 1 <= month <= 12:
            raise CommandError("--month must be 1..12")
        for audience in Audience.values:
            report = monthly_report_make(area=area, year=year, month=month, audience=audience)
            self.stdout.write(f"{report} {len(report.pdf)} bytes")
