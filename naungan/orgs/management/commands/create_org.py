from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from naungan.orgs.services import org_create


class Command(BaseCommand):
    help = "Create an organisation (UPTD PPA, dinas, PPATBM group or partner provider)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--slug", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, help="uptd_ppa | dinas | ppatbm | provider")
        parser.add_argument("--area", required=True, help="Kemendagri code, e.g. 64.71")
        parser.add_argument("--services", default="", help="comma-separated, e.g. shelter,health")
        parser.add_argument("--capacity", type=int, default=None, help="beds of a shelter")
        parser.add_argument("--provider-type", default="")
        parser.add_argument(
            "--confidential-address",
            default="",
            help="a shelter's address, stored encrypted; shown only to those who take a victim "
            "there",
        )

    def handle(self, *args: Any, **o: Any) -> None:
        services = [s.strip() for s in o["services"].split(",") if s.strip()]
        try:
            org = org_create(
                actor=None,
                slug=o["slug"],
                name=o["name"],
                kind=o["kind"],
                area_code=o["area"],
                services=services,
                capacity=o["capacity"],
                provider_type=o["provider_type"],
                confidential_address=o["confidential_address"],
            )
        except ValidationError as exc:
            raise CommandError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            ) from exc
        self.stdout.write(f"created organisation {org.slug} ({org.get_kind_display()})")
