"""Demo cases in Kota Balikpapan and Provinsi Kalimantan Tengah (idempotent: skipped when the
demo intake officers already have cases)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from naungan.accounts.models import User
from naungan.areas.models import Area

from . import services
from .classification import QUESTION_KEYS
from .models import Case

DEMO = {
    "bpp": ("intake_bpp", "supervisor_bpp", "pendamping_bpp"),
    "kalteng": ("intake_kalteng", "supervisor_kalteng", "pendamping_kalteng"),
}
CASES = [
    # (where, area, hours ago, violence types, victim, perpetrator relationship, the "yes"
    # answers of the incident: every other GBVIMS question is answered "no")
    ("bpp", "64.71.01.1001", 30, ["sexual"], ("Demo Korban Satu", 14, "F"), "family",
     {"sexual_contact": True}),
    ("bpp", "64.71.04", 200, ["physical", "psychological"], ("Demo Korban Dua", 32, "F"),
     "intimate_partner", {"physical_assault": True}),
    ("bpp", "64.71.02", 5, ["neglect"], ("Demo Korban Tiga", 6, "M"), "primary_caregiver", None),
    ("kalteng", "62.71.01.1001", 80, ["sexual"], ("Demo Korban Empat", 16, "F"), "neighbour_friend",
     {"penetration": True}),
    ("kalteng", "62.71", 48, ["psychological"], ("Demo Korban Lima", 41, "F"), "former_partner",
     {"psychological_abuse": True}),
]  # fmt: skip


def seed_cases() -> None:
    users = {u.username: u for u in User.objects.filter(username__in=sum(DEMO.values(), ()))}
    if len(users) < 6 or Case.objects.filter(created_by__username__in=users).exists():
        return
    now = timezone.now()
    for where, area_code, hours, types, (name, age, sex), rel, answers in CASES:
        intake, supervisor, caseworker = (users[u] for u in DEMO[where])
        case = services.case_create(
            actor=intake,
            area=Area.objects.get(code=area_code),
            channel="walk_in",
            received_at=now - timedelta(hours=hours),
            violence_types=types,
            description="Kasus contoh untuk demo.",
            triage="high" if "sexual" in types else "medium",
            victims=[services.PersonIn(name=name, age=age, sex=sex)],
            perpetrators=[services.PersonIn(relationship=rel)],
        )
        if answers is None:
            continue
        services.case_assign(actor=supervisor, case=case, assignee=caseworker, lead=True)
        services.incident_record(
            actor=caseworker,
            case=case,
            answers=dict.fromkeys(QUESTION_KEYS, False) | answers,
            survivor_age=age,
            perpetrator_relationship=rel,
            reporting_consent=True,
        )
