"""The intervention plan (versions, actions) and monitoring entries (DESIGN §5 steps 3 and 5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.cases.models.cases import Case
from naungan.cases.models.tasks import Task
from naungan.core.fields import EncryptedTextField, RowIdentityField
from naungan.core.models import PublicModel, TimeStampedModel
from naungan.orgs.models import Organisation


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Menunggu persetujuan")
    APPROVED = "approved", _("Disetujui")
    REJECTED = "rejected", _("Ditolak")


class InterventionPlan(PublicModel):
    """A versioned plan made with the client (DESIGN §5 step 3); a supervisor approves it.
    A new version supersedes the old, which stays as history."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plans")
    version = models.PositiveIntegerField(_("versi"), default=1)
    goals = EncryptedTextField(_("tujuan"))
    made_with = models.CharField(_("disusun bersama"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = EncryptedTextField(_("alasan keputusan"), blank=True)

    class Meta:
        ordering = ["case", "-version"]
        verbose_name = _("rencana intervensi")
        verbose_name_plural = _("rencana intervensi")
        constraints = [
            models.UniqueConstraint(fields=["case", "version"], name="plan_version_unique")
        ]

    def __str__(self) -> str:
        return f"v{self.version}"


class PlanAction(TimeStampedModel):
    """One action of a plan: what, who, by when. Its follow-up date becomes a case task."""

    plan = models.ForeignKey(InterventionPlan, on_delete=models.CASCADE, related_name="actions")
    description = EncryptedTextField(_("tindakan"))
    row_uuid = RowIdentityField()
    service = models.CharField(_("layanan"), max_length=30, blank=True)
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responsible_org = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_at = models.DateTimeField(_("tenggat"), null=True, blank=True)
    task = models.OneToOneField(
        Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="plan_action"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("tindakan rencana")
        verbose_name_plural = _("tindakan rencana")

    def __str__(self) -> str:
        return f"action {self.pk}"


class MonitoringEntry(PublicModel):
    """A periodic review (DESIGN §5 step 5; default every 30 days)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="monitoring")
    reviewed_on = models.DateField(_("tanggal tinjauan"))
    summary = EncryptedTextField(_("ringkasan"))
    rights_reviewed = models.BooleanField(_("hak korban ditinjau"), default=False)
    risk_changed = models.BooleanField(_("risiko berubah"), default=False)
    next_review_on = models.DateField(_("tinjauan berikutnya"), null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        verbose_name = _("catatan pemantauan")
        verbose_name_plural = _("catatan pemantauan")

    def __str__(self) -> str:
        return f"{self.reviewed_on}"
