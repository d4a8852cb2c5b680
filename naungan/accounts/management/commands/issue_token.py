from typing import Any

from django.core.management.base import BaseCommand, CommandError

from naungan.accounts.models import User
from naungan.accounts.services import token_issue


class Command(BaseCommand):
    help = "Issue a new API token for a user; the token is printed on the last line."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("--name", default="cli")

    def handle(self, *args: Any, **o: Any) -> None:
        user = User.objects.filter(username=o["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"unknown or inactive user: {o['username']}")
        self.stdout.write(token_issue(user=user, name=o["name"]))
