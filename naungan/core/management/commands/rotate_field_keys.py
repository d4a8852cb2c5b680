from typing import Any

from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from naungan.core import crypto, rekey


def _encrypted_models() -> list[Any]:
    return [m for m in apps.get_models() if rekey.text_fields(m) or rekey.binary_fields(m)]


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value, file, TOTP secret and recovery-code seed with the "
        "newest key in NAUNGAN_FIELD_KEYS (run after putting a new key first). --verify only "
        "counts which keys are in use and exits 1 while anything still needs an older key: "
        "run it before removing a key."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch", type=int, default=500)
        parser.add_argument(
            "--verify",
            action="store_true",
            help="change nothing; fail naming every column whose values use an older key",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        current = crypto.keyring().current[0]
        if not opts["verify"]:
            self._rotate(current, opts["batch"])
        self._verify(current)

    def _rotate(self, current: str, batch: int) -> None:
        failures: list[str] = []
        for model in _encrypted_models():
            text = rekey.reseal_text(model, batch=batch, failures=failures)
            files = rekey.reseal_binary(model)
            self.stdout.write(
                f"{model._meta.label}: {text} values and {files} files re-encrypted "
                f"with key {current}"
            )
        adapter = get_adapter()
        mfa = rekey.reseal_authenticators(
            Authenticator, encrypt=adapter.encrypt, decrypt=adapter.decrypt
        )
        self.stdout.write(f"mfa.Authenticator: {mfa} secrets re-encrypted with key {current}")
        for line in failures:
            self.stderr.write(f"cannot re-encrypt {line}")

    def _verify(self, current: str) -> None:
        configured = {kid for kid, _cipher in crypto.keyring().keys}
        problems = []
        for usage in rekey.census(_encrypted_models(), authenticator=Authenticator):
            for label, n in sorted(usage.stale(current).items()):
                kid = label.partition(":")[2]
                why = "older key" if kid in configured else "KEY NOT CONFIGURED: unreadable"
                if label == "?":
                    why = "not a Naungan ciphertext: unreadable"
                problems.append(f"{usage.place}: {n} values on {label} ({why})")
        for line in problems:
            self.stderr.write(line)
        if problems:
            raise CommandError(
                f"{len(problems)} columns still use a key other than the newest ({current}): "
                "run rotate_field_keys and keep the older keys until this passes"
            )
        self.stdout.write(
            f"every encrypted value uses the newest key {current}: older keys may be removed"
        )
