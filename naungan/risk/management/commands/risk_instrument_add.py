"""``manage.py risk_instrument_add --key dash --file spec.json``: add the next version of a risk
instrument (an administrator's change; past versions and results stay as they were)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from naungan.risk.services import instrument_version_add


class Command(BaseCommand):
    help = "Add the next version of a risk instrument from a JSON file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--key", required=True, help="dash, da or triage")
        parser.add_argument("--file", required=True, help="JSON: name_id, name_en, questions…")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            spec = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read {options['file']}: {exc}") from exc
        if isinstance(spec, dict) and options["key"] in spec:
            spec = spec[options["key"]]
        try:
            version = instrument_version_add(actor=None, key=options["key"], spec=spec)
        except (ValidationError, KeyError, TypeError, ValueError) as exc:
            raise CommandError(f"invalid instrument: {exc}") from exc
        self.stdout.write(f"{version.instrument.key} version {version.number}")
