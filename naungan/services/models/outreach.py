"""Outreach (penjangkauan, DESIGN §6.2): planned and done visits, with the safety check that
must come before the team leaves."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel

from .episodes import ServiceEpisode


class VisitStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    DEPARTED = "departed", _("Tim berangkat")
    DONE = "done", _("Selesai")


class OutreachResult(models.TextChoices):
    FOUND = "found", _("Korban ditemui")
    RESCUED = "rescued", _("Korban diselamatkan")
    REFUSED = "refused", _("Korban menolak")
    NOT_FOUND = "not_found", _("Korban tidak ditemukan")


class OutreachVisit(PublicModel):
    """One visit of an outreach episode. The team may leave only after the safety check
    (is the perpetrator present? is the visit safe for the victim?), recorded with who
    checked and when; a done visit has a result."""

    episode = models.ForeignKey(ServiceEpisode, on_delete=models.CASCADE, related_name="visits")
    planned_at = models.DateTimeField(_("rencana waktu"))
    team = models.CharField(_("tim"), max_length=300)
    with_police = models.BooleanField(_("bersama polisi"), default=False)
    with_health = models.BooleanField(_("bersama tenaga kesehatan"), default=False)
    transport = models.CharField(_("transportasi"), max_length=100, blank=True)
    address_verified = models.BooleanField(
        _("alamat diverifikasi dengan dinas/kelurahan"), default=False
    )
    needs = EncryptedTextField(_("kebutuhan khusus (disabilitas, bahasa)"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.PLANNED
    )
    perpetrator_present = models.BooleanField(_("pelaku ada di lokasi"), null=True, blank=True)
    safe_for_victim = models.BooleanField(_("aman bagi korban"), null=True, blank=True)
    safety_note = EncryptedTextField(_("catatan keamanan"), blank=True)
    safety_checked_at = models.DateTimeField(_("keamanan diperiksa"), null=True, blank=True)
    safety_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    departed_at = models.DateTimeField(_("berangkat"), null=True, blank=True)
    done_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    result = models.CharField(_("hasil"), max_length=10, choices=OutreachResult.choices, blank=True)
    result_note = EncryptedTextField(_("catatan hasil"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["planned_at", "id"]
        verbose_name = _("kunjungan penjangkauan")
        verbose_name_plural = _("kunjungan penjangkauan")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="planned") | Q(safety_checked_at__isnull=False),
                name="visit_leaves_after_safety_check",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | ~Q(result=""), name="visit_done_has_result"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.status} {self.planned_at:%Y-%m-%d %H:%M}"

    @property
    def safety_checked(self) -> bool:
        return self.safety_checked_at is not None
