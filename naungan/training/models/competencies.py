"""Competencies (DESIGN §10): one vocabulary and one standard for pendamping and volunteers.
A person holds a competency from a date, until an expiry (or for good), granted by passing a
training or recorded directly by a supervisor or the dinas. A unit may require a competency
for an action (``CompetencyRequirement``); ``services.requirements.require_competency`` is the
one check."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naungan.core.models import PublicModel, TimeStampedModel
from naungan.orgs.models import Organisation


class Competency(models.TextChoices):
    """The competency list of DESIGN §10."""

    LPSK_LEGAL_PROTECTION = "lpsk_legal_protection", _("Perlindungan hukum saksi dan korban (LPSK)")
    RADICALISM_PREVENTION = "radicalism_prevention", _("Pencegahan radikalisme")
    PSYCHOSOCIAL_FIRST_AID = (
        "psychosocial_first_aid",
        _("Pertolongan pertama psikologis dan pemulihan psikososial"),
    )
    TPPO_VICTIM_HANDLING = "tppo_victim_handling", _("Penanganan korban TPPO")
    KDRT_RISK_ASSESSMENT = "kdrt_risk_assessment", _("Pendampingan KDRT dan asesmen risiko")
    TRAUMA_INFORMED_COMMUNICATION = (
        "trauma_informed_communication",
        _("Komunikasi berperspektif trauma dan etika"),
    )
    EMERGENCY_SIMULATION = "emergency_simulation", _("Simulasi penanganan darurat")
    REGULATIONS = "regulations", _("Peraturan perundang-undangan")
    STRESS_CRISIS_MANAGEMENT = "stress_crisis_management", _("Manajemen stres dan krisis")


class GrantSource(models.TextChoices):
    TRAINING = "training", _("Lulus pelatihan")
    DIRECT = "direct", _("Dicatat langsung oleh supervisor atau dinas")


class CompetencyGrant(PublicModel):
    """A person holds ``competency`` from ``granted_on`` until ``expires_on`` (inclusive; empty:
    it does not expire). From a training: ``participant`` names the attendance that earned it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="competency_grants",
        verbose_name=_("pemegang"),
    )
    competency = models.CharField(_("kompetensi"), max_length=40, choices=Competency.choices)
    granted_on = models.DateField(_("tanggal diperoleh"))
    expires_on = models.DateField(_("berlaku sampai"), null=True, blank=True)
    source = models.CharField(_("asal"), max_length=20, choices=GrantSource.choices)
    participant = models.ForeignKey(
        "training.Participant",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="grants",
        verbose_name=_("peserta pelatihan"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )
    note = models.CharField(_("keterangan"), max_length=300, blank=True)

    class Meta:
        ordering = ["competency", "-granted_on"]
        verbose_name = _("kompetensi yang dimiliki")
        verbose_name_plural = _("kompetensi yang dimiliki")
        indexes = [
            models.Index(fields=["user", "competency"]),
            models.Index(fields=["expires_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=F("granted_on")),
                name="competency_grant_expires_after_granted",
            ),
            models.CheckConstraint(
                condition=~Q(source="training") | Q(participant__isnull=False),
                name="competency_grant_training_has_participant",
            ),
            models.UniqueConstraint(
                fields=["participant", "competency"], name="competency_grant_once_per_training"
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_competency_display())

    def clean(self) -> None:
        super().clean()
        if self.expires_on and self.granted_on and self.expires_on < self.granted_on:
            raise ValidationError(
                {"expires_on": _("Tanggal berakhir tidak boleh sebelum tanggal diperoleh.")}
            )


class CompetencyRequirement(TimeStampedModel):
    """A unit (organisation) requires ``competency`` of whoever does ``action`` in it (e.g.
    ``risk.dash_signoff`` needs KDRT accompaniment and risk assessment). Configured by the
    administrator (Django admin); the actions are those of ``training.actions``. A requirement
    of an organisation applies to its staff and to the staff of the organisations under it."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="competency_requirements",
        verbose_name=_("organisasi"),
    )
    action = models.CharField(_("tindakan"), max_length=60, db_index=True)
    competency = models.CharField(_("kompetensi"), max_length=40, choices=Competency.choices)

    class Meta:
        ordering = ["organisation__name", "action", "competency"]
        verbose_name = _("syarat kompetensi")
        verbose_name_plural = _("syarat kompetensi")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "action", "competency"],
                name="competency_requirement_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.action_label} · {self.get_competency_display()}"

    @property
    def action_label(self) -> str:
        from ..actions import action_label

        return action_label(self.action)

    def clean(self) -> None:
        super().clean()
        from ..actions import ACTIONS

        if self.action and self.action not in ACTIONS:
            raise ValidationError({"action": _("Tindakan ini tidak dikenal.")})
