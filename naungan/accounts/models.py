from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.core.models import TimeStampedModel
from naungan.orgs.models import Organisation


class Role(models.TextChoices):
    ACTIVIST = "activist", _("Aktivis PPATBM")
    INTAKE = "intake", _("Petugas penerimaan")
    CASEWORKER = "caseworker", _("Pendamping")
    SUPERVISOR = "supervisor", _("Supervisor")
    PROVIDER = "provider", _("Mitra layanan")
    ANALYST = "analyst", _("Analis data")
    ADMIN = "admin", _("Administrator")


class User(AbstractUser):
    """A staff account: exactly one role, one organisation, one area scope."""

    role = models.CharField(_("peran"), max_length=20, choices=Role.choices, db_index=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("organisasi"),
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("wilayah tugas"),
    )
    competencies = models.JSONField(_("kompetensi"), default=list, blank=True)
    # The language of the pages once signed in and of every e-mail to this user (notices,
    # password reset). The header's language switch still wins for the browser session.
    language = models.CharField(
        _("bahasa"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Bahasa halaman dan e-mail untuk akun ini."),
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values) | models.Q(is_superuser=True),
                name="user_role_valid",
            )
        ]

    @property
    def preferred_language(self) -> str:
        """The user's language if the installation still offers it, else its default."""
        codes = {code for code, _name in settings.LANGUAGES}
        return self.language if self.language in codes else settings.LANGUAGE_CODE

    @property
    def requires_second_factor(self) -> bool:
        return self.role in settings.MFA_REQUIRED_ROLES

    def in_scope(self, area: Area | None) -> bool:
        """Whether ``area`` lies in this user's scope (their area or inside it)."""
        return bool(self.area and area and self.area.contains(area))


class TokenRevokeReason(models.TextChoices):
    BY_OWNER = "by_owner", _("dicabut pemilik")
    BY_ADMIN = "by_admin", _("dicabut administrator")
    PASSWORD_CHANGED = "password_changed", _("kata sandi diganti")
    DEACTIVATED = "deactivated", _("akun dinonaktifkan")
    ROLE_CHANGED = "role_changed", _("peran, wilayah atau organisasi diubah")
    EMAIL_CHANGED = "email_changed", _("alamat e-mail diubah")


class ApiToken(TimeStampedModel):
    """A bearer token. Only its SHA-256 is stored; the token is shown once when issued. It
    expires (``NAUNGAN_TOKEN_MAX_AGE_DAYS``) and a revocation is final."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nama"), max_length=100, blank=True)
    prefix = models.CharField(_("awalan"), max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    expires_at = models.DateTimeField(_("berlaku sampai"))
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    revoked_reason = models.CharField(
        _("alasan dicabut"), max_length=40, choices=TokenRevokeReason.choices, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()
