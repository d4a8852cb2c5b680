"""The idempotency keys of the field app's sync (CONTRACT §4 ``POST /api/v1/sync``): the UUID the
phone made for an item, unique per user, and the record it stored. The unique constraint is what
makes concurrent replays store once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SyncItemType(models.TextChoices):
    REPORT = "report", _("Laporan")
    ACTIVITY = "activity", _("Kegiatan")
    ACCOMPANIMENT_LOG = "accompaniment_log", _("Catatan pendampingan")


class SyncItem(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    client_id = models.UUIDField(_("id dari perangkat"))
    item_type = models.CharField(max_length=20, choices=SyncItemType.choices)
    server_id = models.UUIDField(_("id di server"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("butir sinkronisasi")
        verbose_name_plural = _("butir sinkronisasi")
        indexes = [models.Index(fields=["client_id"])]
        constraints = [
            models.UniqueConstraint(fields=["user", "client_id"], name="sync_item_once_per_user"),
            models.CheckConstraint(
                condition=Q(item_type__in=SyncItemType.values), name="sync_item_type"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.client_id}"
