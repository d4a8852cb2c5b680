from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from naungan.demo.seed import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Create demo organisations, users of every role and cases (safe to run twice)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--quiet-logins", action="store_true", help="do not print the demo logins"
        )

    def handle(self, *args: Any, **o: Any) -> None:
        users = seed_demo()
        if o["quiet_logins"]:
            return
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for username, role, area in users:
            mfa = "  [2FA setup at first login]" if role in settings.MFA_REQUIRED_ROLES else ""
            self.stdout.write(f"  {username:<20} {role:<11} {area}{mfa}")
        self.stdout.write("")
