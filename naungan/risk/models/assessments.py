"""A risk assessment on a case (DESIGN §3, §8; CONTRACT §7): the instrument version and the
bands it used, the answers, the score, the scored, judged and final levels, the reason and the
referral reasons. Never rewritten: re-scoring or a later judgement makes a new assessment."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import Case, Person
from naungan.core.fields import EncryptedJSONField, EncryptedTextField
from naungan.core.models import PublicModel

from .instruments import InstrumentVersion


class Answer(models.TextChoices):
    YES = "yes", _("Ya")
    NO = "no", _("Tidak")
    DONT_KNOW = "dont_know", _("Tidak tahu")


class Level(models.TextChoices):
    STANDARD = "standard", _("Standar")
    MEDIUM = "medium", _("Sedang")
    HIGH = "high", _("Tinggi")


LEVEL_ORDER = [Level.STANDARD, Level.MEDIUM, Level.HIGH]


class ReferralReason(models.TextChoices):
    SCORE = "score", _("Skor mencapai ambang risiko tinggi")
    JUDGEMENT = "judgement", _("Penilaian profesional")
    ESCALATION = "escalation", _("Eskalasi: kejadian berulang dalam 12 bulan")
    REPEAT = "repeat", _("Kejadian baru sejak rapat koordinasi terakhir")


class RiskAssessment(PublicModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="risk_assessments")
    victim = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="assessments"
    )
    instrument = models.CharField(_("instrumen"), max_length=20)
    # Question keys to yes / no / don't know: what the victim told of her danger (a weapon,
    # strangling, pregnancy, thoughts of suicide …), encrypted like the narrative.
    answers = EncryptedJSONField(_("jawaban"))
    bands = models.JSONField(_("batas tingkat yang dipakai"), default=list, blank=True)
    score = models.PositiveSmallIntegerField(_("skor"))
    scored_level = models.CharField(
        _("tingkat dari skor"), max_length=10, choices=Level.choices, blank=True
    )
    judged_level = models.CharField(
        _("penilaian profesional"), max_length=10, choices=Level.choices, blank=True
    )
    judgement_reason = EncryptedTextField(_("alasan penilaian"), blank=True)
    level = models.CharField(_("tingkat akhir"), max_length=10, choices=Level.choices, blank=True)
    referral_required = models.BooleanField(_("perlu rapat koordinasi"), default=False)
    referral_reasons = models.JSONField(_("alasan rujukan"), default=list, blank=True)
    escalation_count = models.PositiveSmallIntegerField(default=0)
    children_in_household = models.BooleanField(_("ada anak di rumah"), default=False)
    assessed_at = models.DateTimeField(_("waktu asesmen"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    revises = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisions",
        verbose_name=_("merevisi asesmen"),
    )

    class Meta:
        ordering = ["-assessed_at", "-id"]
        verbose_name = _("asesmen risiko")
        verbose_name_plural = _("asesmen risiko")
        indexes = [models.Index(fields=["case", "assessed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(judged_level="") | ~Q(judgement_reason=""),
                name="risk_judgement_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument} {self.score} {self.assessed_at:%Y-%m-%d}"

    @property
    def max_score(self) -> int:
        return len(self.version.questions)

    @property
    def reasons_display(self) -> list[str]:
        return [str(ReferralReason(r).label) for r in self.referral_reasons]
