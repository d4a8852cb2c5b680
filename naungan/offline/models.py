"""A phone or browser that syncs an activist's offline queue (DESIGN §10 "Offline": devices
are revocable and never hold case data). The id is made on the device the first time it
syncs; a revoked device's sync is refused and the page wipes its local queue."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.core.models import TimeStampedModel


class Device(TimeStampedModel):
    public_id = models.UUIDField(_("id perangkat"), unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="offline_devices",
        verbose_name=_("aktivis"),
    )
    name = models.CharField(_("nama perangkat"), max_length=120)
    last_sync_at = models.DateTimeField(_("terakhir mengirim"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dicabut oleh"),
    )

    class Meta:
        ordering = ["revoked_at", "-last_sync_at", "-id"]
        verbose_name = _("perangkat luring")
        verbose_name_plural = _("perangkat luring")
        indexes = [models.Index(fields=["user", "revoked_at"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class EditReceipt(models.Model):
    """An activity edit sent from the phone, by the id the phone made for it: a replay of the
    same edit is a ``duplicate`` (never a conflict with itself, never applied twice)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    client_id = models.UUIDField(_("id dari perangkat"))
    server_id = models.UUIDField(_("id di server"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tanda terima perubahan luring")
        verbose_name_plural = _("tanda terima perubahan luring")
        constraints = [
            models.UniqueConstraint(fields=["user", "client_id"], name="edit_receipt_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.client_id}"
