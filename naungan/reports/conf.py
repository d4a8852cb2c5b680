"""Settings of public reporting, with their defaults. Each is an environment variable in
``naungan/settings.py``; ``getattr`` keeps the app working with older settings files."""

from __future__ import annotations

from django.conf import settings

from .models import TriageLevel

# Clock hours from receipt (issue 4: emergency and high immediately, medium 6 h, low 3 days).
DEFAULT_TRIAGE_HOURS = {
    TriageLevel.EMERGENCY: 0,
    TriageLevel.HIGH: 0,
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
    return str(getattr(settings, "REPORT_PIN_RATE", "10/900"))
