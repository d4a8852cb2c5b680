from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .fields import EncryptedTextField, RowIdentityField


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        abstract = True


class PublicModel(TimeStampedModel):
    """Case data: a UUID in every URL and API answer, never the sequential key."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class AuditAction(models.TextChoices):
    VIEW = "view", _("lihat")
    CREATE = "create", _("buat")
    UPDATE = "update", _("ubah")
    DELETE = "delete", _("hapus")
    EXPORT = "export", _("ekspor")
    PRINT = "print", _("cetak")
    LOGIN = "login", _("masuk")
    LOGIN_FAILED = "login_failed", _("gagal masuk")
    LOGOUT = "logout", _("keluar")
    DENIED = "denied", _("ditolak")
    ADMIN = "admin", _("tindakan admin")


class AuditEvent(models.Model):
    """Append-only record of who read or changed what, when and from where.

    Rows are inserted in the request's transaction and never updated except once, by
    ``audit_seal``, which gives each committed event the next ``seq`` and links it into an
    HMAC-SHA256 chain keyed with ``NAUNGAN_AUDIT_KEY`` (a secret kept outside the database), in
    ``seq`` order. Sealing off the hot path keeps inserts cheap under load; ``audit_verify``
    recomputes the chain. ``reason`` (free text) is encrypted; the chain covers its plaintext,
    so re-encrypting it under a new field key leaves the chain intact."""

    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("pelaku"),
    )
    actor_label = models.CharField(_("pelaku"), max_length=150, blank=True)
    action = models.CharField(_("tindakan"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("jenis objek"), max_length=60, blank=True)
    object_id = models.CharField(_("id objek"), max_length=64, blank=True)
    area_code = models.CharField(_("wilayah"), max_length=13, blank=True, db_index=True)
    categories = models.CharField(_("kategori data"), max_length=200, blank=True)
    reason = EncryptedTextField(_("alasan"), blank=True)
    outcome = models.CharField(_("hasil"), max_length=20, default="ok")
    ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    row_uuid = RowIdentityField()
    seq = models.PositiveBigIntegerField(null=True, blank=True, unique=True, editable=False)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            # The events still to seal: small, and found without scanning the sealed ones.
            models.Index(
                fields=["id"], condition=models.Q(seq__isnull=True), name="audit_unsealed"
            ),
        ]
        verbose_name = _("catatan audit")
        verbose_name_plural = _("catatan audit")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk and not kwargs.pop("_sealing", False):
            raise PermissionError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError("audit events are append-only")

    def payload(self) -> str:
        """Every recorded field, unambiguously (JSON), with the reason in plaintext."""
        return json.dumps(
            [
                self.seq,
                self.pk,
                str(self.row_uuid),
                self.at.isoformat(),
                self.actor_id,
                self.actor_label,
                self.action,
                self.object_type,
                self.object_id,
                self.area_code,
                self.categories,
                self.reason,
                self.outcome,
                str(self.ip or ""),
            ],
            ensure_ascii=False,
        )

    def compute_hash(self, prev_hash: str, *, key: bytes) -> str:
        message = (prev_hash + "\n" + self.payload()).encode()
        return hmac.new(key, message, hashlib.sha256).hexdigest()


class RateCounter(models.Model):
    """One rate-limit counter of the database store (``naungan.core.ratelimit``): a keyed
    hash, never an address or a code in clear, and how many events it counted in its window.
    Incremented atomically by one INSERT ... ON CONFLICT DO UPDATE ... RETURNING; deleted once
    its window is over."""

    key = models.CharField(max_length=128, primary_key=True)
    count = models.IntegerField(default=0)
    expires = models.FloatField(db_index=True)  # end of the window, Unix seconds

    class Meta:
        verbose_name = _("penghitung batas laju")
        verbose_name_plural = _("penghitung batas laju")

    def __str__(self) -> str:
        return self.key
