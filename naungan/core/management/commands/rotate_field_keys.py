from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from naungan.core import crypto
from naungan.core.fields import EncryptedTextField


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field with the newest key in NAUNGAN_FIELD_KEYS. "
        "Run after putting a new key first; afterwards the old key can be removed."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args: Any, **opts: Any) -> None:
        current_id = crypto.keyring().current[0]
        for model in apps.get_models():
            names = [
                f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)
            ]
            if not names:
                continue
            manager = model._default_manager
            changed = 0
            for obj in manager.only("pk", *names).iterator(chunk_size=opts["batch"]):
                # Decrypted on load with whichever key wrote it; saved with the newest.
                with transaction.atomic():
                    manager.filter(pk=obj.pk).update(**{n: getattr(obj, n) for n in names})
                changed += 1
            self.stdout.write(f"{model._meta.label}: {changed} rows now on key {current_id}")
