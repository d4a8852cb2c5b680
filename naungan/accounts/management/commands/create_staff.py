from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from naungan.accounts.services import staff_create


class Command(BaseCommand):
    help = "Create an active staff account with one role, organisation and area scope."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument(
            "--role",
            required=True,
            help="activist|intake|caseworker|supervisor|provider|analyst|admin",
        )
        parser.add_argument("--org", required=True, help="organisation slug")
        parser.add_argument("--area", required=True, help="Kemendagri code, e.g. 64.71")
        parser.add_argument("--email", default="")

    def handle(self, *args: Any, **o: Any) -> None:
        try:
            user = staff_create(
                actor=None,
                username=o["username"],
                password=o["password"],
                role=o["role"],
                org_slug=o["org"],
                area_code=o["area"],
                email=o["email"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                msg = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            else:
                msg = "password: " + " ".join(exc.messages)
            raise CommandError(msg) from exc
        self.stdout.write(f"created {user.username} ({user.role}, {o['area']})")
