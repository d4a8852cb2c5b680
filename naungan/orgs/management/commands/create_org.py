from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from naungan.orgs.models import EligibilityDocument, ProviderType, ServiceType
from naungan.orgs.services import DirectoryIn, org_create


def _codes(value: str) -> list[str]:
    return [s.strip() for s in value.split(",") if s.strip()]


class Command(BaseCommand):
    help = "Create an organisation (UPTD PPA, dinas, PPATBM group or partner provider)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--slug", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, help="uptd_ppa | dinas | ppatbm | provider")
        parser.add_argument("--area", required=True, help="Kemendagri code, e.g. 64.71")
        parser.add_argument(
            "--services",
            default="",
            help="comma-separated, e.g. shelter,health; one of " + ", ".join(ServiceType.values),
        )
        parser.add_argument("--capacity", type=int, default=None, help="beds of a shelter")
        parser.add_argument(
            "--provider-type", default="", help="partner kind: " + ", ".join(ProviderType.values)
        )
        parser.add_argument(
            "--confidential-address",
            default="",
            help="a shelter's address, stored encrypted; shown only to those who take a victim "
            "there",
        )
        # The directory of partners (docs/operator.md "Direktori mitra").
        parser.add_argument(
            "--coverage",
            default="",
            help="comma-separated area codes served (default: the home area), e.g. 64.71,64.72",
        )
        parser.add_argument(
            "--hours", default="", help='opening hours, e.g. "Senin-Jumat 08.00-16.00"'
        )
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--website", default="")
        parser.add_argument("--address", default="", help="the public address (never a shelter's)")
        parser.add_argument("--eligibility", default="", help="eligibility rules in words")
        parser.add_argument(
            "--eligibility-documents",
            default="",
            help="comma-separated documents of which any one suffices: "
            + ", ".join(EligibilityDocument.values),
        )
        parser.add_argument("--capacity-notes", default="", help="capacity in words")

    def handle(self, *args: Any, **o: Any) -> None:
        try:
            org = org_create(
                actor=None,
                slug=o["slug"],
                name=o["name"],
                kind=o["kind"],
                area_code=o["area"],
                services=_codes(o["services"]),
                capacity=o["capacity"],
                provider_type=o["provider_type"],
                confidential_address=o["confidential_address"],
                coverage_codes=_codes(o["coverage"]) or None,
                directory=DirectoryIn(
                    phone=o["phone"],
                    email=o["email"],
                    website=o["website"],
                    address=o["address"],
                    hours=o["hours"],
                    eligibility=o["eligibility"],
                    eligibility_documents=_codes(o["eligibility_documents"]),
                    capacity_notes=o["capacity_notes"],
                ),
            )
        except ValidationError as exc:
            raise CommandError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            ) from exc
        self.stdout.write(f"created organisation {org.slug} ({org.get_kind_display()})")
