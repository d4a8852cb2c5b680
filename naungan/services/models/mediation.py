"""Mediation (mediasi, DESIGN §6.5): what is mediated, the readiness check and the client's
choice, sessions with their minutes (berita acara), the agreement and its follow-up. Refused by
law on sexual violence unless the perpetrator is a child (UU TPKS Pasal 23): the rule is in
``services.mediation``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel

from .episodes import ServiceEpisode


class MediationMatter(models.TextChoices):
    """Civil matters and complaint-only offences the client will not prosecute (local
    default scope)."""

    MAINTENANCE = "maintenance", _("Nafkah")
    RECOGNITION = "recognition", _("Pengakuan anak")
    CUSTODY = "custody", _("Hak asuh anak")
    JOINT_PROPERTY = "joint_property", _("Harta bersama")
    INHERITANCE = "inheritance", _("Warisan")
    LABOUR = "labour", _("Upah atau ketenagakerjaan")
    COMPLAINT_OFFENCE = "complaint_offence", _("Delik aduan yang tidak dituntut klien")
    OTHER = "other", _("Lainnya")


class Mediation(PublicModel):
    episode = models.OneToOneField(
        ServiceEpisode, on_delete=models.CASCADE, related_name="mediation"
    )
    matter = models.CharField(
        _("pokok perkara"), max_length=20, choices=MediationMatter.choices, blank=True
    )
    readiness_checked = models.BooleanField(
        _("kesiapan klien diperiksa pendamping dan psikolog"), default=False
    )
    client_agrees = models.BooleanField(_("klien memilih mediasi secara bebas"), default=False)
    mediator = models.CharField(_("mediator"), max_length=200, blank=True)
    agreement = EncryptedTextField(_("kesepakatan"), blank=True)
    agreement_signed_on = models.DateField(_("kesepakatan ditandatangani"), null=True, blank=True)
    follow_up_on = models.DateField(_("tindak lanjut kepatuhan"), null=True, blank=True)

    class Meta:
        verbose_name = _("mediasi")
        verbose_name_plural = _("mediasi")

    def __str__(self) -> str:
        return self.matter or "mediation"


class MediationSession(PublicModel):
    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="sessions")
    held_at = models.DateTimeField(_("waktu pertemuan"))
    parties = EncryptedTextField(_("pihak yang hadir"))
    minutes = EncryptedTextField(_("berita acara"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["held_at", "id"]
        verbose_name = _("pertemuan mediasi")
        verbose_name_plural = _("pertemuan mediasi")

    def __str__(self) -> str:
        return f"{self.held_at:%Y-%m-%d %H:%M}"
