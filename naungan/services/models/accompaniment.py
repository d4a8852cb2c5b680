"""Accompaniment (pendampingan, DESIGN §6.6): one visit per episode — where to, why, who went,
the outcome and the next hearing — and the partner clocks the caseworker follows."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.core.models import PublicModel

from .episodes import ServiceEpisode


class Destination(models.TextChoices):
    POLICE = "police", _("Kepolisian (Unit PPA)")
    PROSECUTOR = "prosecutor", _("Kejaksaan")
    COURT = "court", _("Pengadilan Negeri")
    RELIGIOUS_COURT = "religious_court", _("Pengadilan Agama")
    HOSPITAL = "hospital", _("Rumah sakit / puskesmas (visum)")
    LPSK = "lpsk", _("LPSK")
    PSYCHOLOGIST = "psychologist", _("Psikolog")
    OTHER = "other", _("Lainnya")


class PartnerClock(models.TextChoices):
    """Deadlines of partners that the caseworker follows (DESIGN §6 clock table); each
    becomes a case task citing its legal source (``services.accompaniment.CLOCKS``)."""

    KDRT_TEMPORARY_PROTECTION = (
        "kdrt_temporary_protection",
        _("Perlindungan sementara oleh polisi (KDRT)"),
    )
    KDRT_PROTECTION_ORDER = (
        "kdrt_protection_order",
        _("Permohonan penetapan perintah perlindungan ke pengadilan (KDRT)"),
    )
    TPKS_TEMPORARY_PROTECTION = (
        "tpks_temporary_protection",
        _("Perlindungan sementara oleh polisi (TPKS)"),
    )
    LPSK_REQUEST = "lpsk_request", _("Permohonan perlindungan ke LPSK")


class Accompaniment(PublicModel):
    episode = models.OneToOneField(
        ServiceEpisode, on_delete=models.CASCADE, related_name="accompaniment"
    )
    destination = models.CharField(
        _("tujuan"), max_length=20, choices=Destination.choices, blank=True
    )
    purpose = models.CharField(_("keperluan"), max_length=300, blank=True)
    companions = models.CharField(_("pendamping yang pergi"), max_length=300, blank=True)
    next_hearing_at = models.DateTimeField(_("sidang berikutnya"), null=True, blank=True)

    class Meta:
        verbose_name = _("pendampingan")
        verbose_name_plural = _("pendampingan")

    def __str__(self) -> str:
        return self.destination or "accompaniment"
