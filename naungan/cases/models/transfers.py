"""Transfers of a case to another unit (DESIGN §5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.cases.models.cases import Case
from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel
from naungan.orgs.models import Organisation


class TransferStatus(models.TextChoices):
    REQUESTED = "requested", _("Diajukan")
    ACCEPTED = "accepted", _("Diterima")
    DECLINED = "declined", _("Ditolak")
    CANCELLED = "cancelled", _("Dibatalkan")


class CaseTransfer(PublicModel):
    """Hand-over of a case to another UPTD PPA, the province or SAPA 129 (DESIGN §5). The
    receiving unit's supervisor accepts (ownership and area move) or declines."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfers")
    from_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    to_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    to_area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    from_area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("alasan"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=TransferStatus.choices,
        default=TransferStatus.REQUESTED,
        db_index=True,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = EncryptedTextField(_("alasan penolakan"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pelimpahan kasus")
        verbose_name_plural = _("pelimpahan kasus")
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status="requested"),
                name="one_open_transfer_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.to_organisation_id}"
