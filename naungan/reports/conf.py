"""Settings of public reporting, with their defaults. Each is an environment variable in
``naungan/settings.py``; ``getattr`` keeps the app working with older settings files."""

from __future__ import annotations

import os

from django.conf import settings

from .models import TriageLevel

# Response clocks in clock hours from receipt (DESIGN §4: emergency 1 h, high 3 h [project
# defaults], medium 6 h [local default], low 72 h). Each is a setting (``triage_default_hours``);
# a unit's own ``TriageClock`` row overrides it.
DEFAULT_TRIAGE_HOURS = {
    TriageLevel.EMERGENCY: 1,
    TriageLevel.HIGH: 3,
    TriageLevel.MEDIUM: 6,
    TriageLevel.LOW: 72,
}
# Quick triage checklist (DESIGN §8, project default): "yes" to any of the first four suggests
# emergency, any other "yes" suggests high.
TRIAGE_CHECKLIST_EMERGENCY = ["danger_now", "injury_or_recent_sexual", "threat_weapon", "child"]
TRIAGE_CHECKLIST_HIGH = ["no_safe_place", "suicidal", "pregnant_disability", "trafficking"]

IDEMPOTENCY_HOURS = 24
MAX_JSON_BYTES = 64 * 1024
DESCRIPTION_MIN = 10
DESCRIPTION_MAX = 10_000
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 2_000
MESSAGE_MAX = 5_000


def quick_exit_url() -> str:
    return str(getattr(settings, "QUICK_EXIT_URL", "https://www.google.com/search?q=cuaca"))


def local_hotline() -> str:
    return str(getattr(settings, "REPORT_LOCAL_HOTLINE", ""))


def public_region() -> str:
    """The kota/kabupaten (or province) whose kecamatan the public form offers."""
    return str(getattr(settings, "REPORT_PUBLIC_REGION", "64.71"))


def default_org_slug() -> str:
    """The UPTD PPA that receives reports without an area (the city unit)."""
    return str(getattr(settings, "REPORT_DEFAULT_ORG", ""))


def submit_rate() -> str:
    return str(getattr(settings, "REPORT_SUBMIT_RATE", "30/600"))


def pin_rate() -> str:
    """Wrong PINs per client address (any codes)."""
    return str(getattr(settings, "REPORT_PIN_RATE", "10/900"))


def pin_code_rate() -> str:
    """Wrong PINs per tracking code (any clients): beyond it the code is locked for the rest
    of the window, the right PIN included (CONTRACT §4: ten within an hour)."""
    return str(getattr(settings, "REPORT_PIN_CODE_RATE", "10/3600"))


def _setting_int(name: str, env_name: str, default: int) -> int:
    """``settings.<name>`` if the settings file defines it, else the environment variable
    ``env_name`` (so the knob works before settings.py lists it), else ``default``."""
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(env_name, "").strip() or default
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number >= 0 else default


def triage_default_hours(level: str) -> int:
    """The response clock of ``level`` for a unit without its own ``TriageClock`` row
    (``NAUNGAN_TRIAGE_HOURS_EMERGENCY``, ``_HIGH``, ``_MEDIUM``, ``_LOW``; whole hours, 0 =
    due at receipt)."""
    key = TriageLevel(level)
    suffix = key.value.upper()
    return _setting_int(
        f"REPORT_TRIAGE_HOURS_{suffix}", f"NAUNGAN_TRIAGE_HOURS_{suffix}", DEFAULT_TRIAGE_HOURS[key]
    )


def attachment_max_bytes() -> int:
    """Largest accepted attachment, in bytes (``NAUNGAN_REPORT_ATTACHMENT_MAX_BYTES``)."""
    return _setting_int(
        "REPORT_ATTACHMENT_MAX_BYTES", "NAUNGAN_REPORT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024
    )


def attachment_max_files() -> int:
    """Most attachments per report (``NAUNGAN_REPORT_ATTACHMENT_MAX_FILES``; 0 turns the
    attachment field off)."""
    return _setting_int("REPORT_ATTACHMENT_MAX_FILES", "NAUNGAN_REPORT_ATTACHMENT_MAX_FILES", 3)


def attachment_max_pixels() -> int:
    """Largest photo in pixels (width × height) we decode; bigger ones are refused before
    decoding (a small file can expand to gigabytes: a "decompression bomb")."""
    return _setting_int(
        "REPORT_ATTACHMENT_MAX_PIXELS", "NAUNGAN_REPORT_ATTACHMENT_MAX_PIXELS", 50_000_000
    )
