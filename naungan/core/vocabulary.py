"""Closed vocabularies shared by reports and cases (CONTRACT §4–§5; SIMFONI-PPA based).

One definition each, so that a report and the case made from it can never disagree on what a
value means or how it is labelled."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ViolenceType(models.TextChoices):
    """SIMFONI-PPA jenis kekerasan."""

    PHYSICAL = "physical", _("Fisik")
    PSYCHOLOGICAL = "psychological", _("Psikis")
    SEXUAL = "sexual", _("Seksual")
    EXPLOITATION = "exploitation", _("Eksploitasi")
    TRAFFICKING = "trafficking", _("Perdagangan orang (TPPO)")
    NEGLECT = "neglect", _("Penelantaran")
    OTHER = "other", _("Lainnya")


class Channel(models.TextChoices):
    """How a report or case reached the unit (DESIGN §4)."""

    WEB = "web", _("Formulir daring")
    HOTLINE = "hotline", _("Hotline")
    WALK_IN = "walk_in", _("Datang langsung")
    ACTIVIST = "activist", _("Aktivis PPATBM")
    REFERRAL_IN = "referral_in", _("Rujukan masuk")
    OUTREACH = "outreach", _("Penjangkauan")


class Triage(models.TextChoices):
    """Triage levels (DESIGN §4)."""

    EMERGENCY = "emergency", _("Darurat")
    HIGH = "high", _("Tinggi")
    MEDIUM = "medium", _("Sedang")
    LOW = "low", _("Rendah")


class Sex(models.TextChoices):
    FEMALE = "F", _("Perempuan")
    MALE = "M", _("Laki-laki")


# Age groups of DESIGN §7a: (key, lowest age, highest age or None). Statistics count by them and
# the case list filters by them, from this one list.
VICTIM_AGE_GROUPS: list[tuple[str, int, int | None]] = [
    ("0-5", 0, 5),
    ("6-12", 6, 12),
    ("13-17", 13, 17),
    ("18-24", 18, 24),
    ("25-44", 25, 44),
    ("45-59", 45, 59),
    ("60+", 60, None),
]
PERPETRATOR_AGE_GROUPS: list[tuple[str, int, int | None]] = [
    ("0-11", 0, 11),
    ("12-17", 12, 17),
    ("18-25", 18, 25),
    ("26-40", 26, 40),
    ("41-60", 41, 60),
    ("61+", 61, None),
]
