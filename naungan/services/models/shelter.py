"""Temporary shelter (penampungan sementara / rumah aman, DESIGN §6.4): stays at a shelter
organisation (one with beds, ``Organisation.capacity``), their extensions and discharge."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel
from naungan.orgs.models import Organisation

from .episodes import ServiceEpisode


class AdmissionReason(models.TextChoices):
    """The admission checklist (DESIGN §6.4, local default)."""

    LIFE_THREATENED = "life_threatened", _("Nyawa terancam")
    PERPETRATOR_FAMILY = "perpetrator_family", _("Pelaku suami atau keluarga")
    SYNDICATE = "syndicate", _("Sindikat atau TPPO")
    CHILD_ABANDONED = "child_abandoned", _("Anak ditelantarkan atau dieksploitasi")
    DISABILITY = "disability", _("Penyandang disabilitas")
    REJECTED_BY_FAMILY = "rejected_by_family", _("Ditolak keluarga")
    THREATENED_WITNESS = "threatened_witness", _("Saksi yang terancam")
    LIVES_FAR = "lives_far", _("Tempat tinggal jauh")


class ShelterStay(PublicModel):
    """A stay at a shelter: the beds it takes (the victim and the children with her), the
    planned end (``NAUNGAN_SHELTER_MAX_DAYS`` after admission, moved by approved extensions),
    and the discharge. Active while ``discharged_at`` is empty. A stay over capacity carries
    the supervisor's override reason."""

    episode = models.OneToOneField(ServiceEpisode, on_delete=models.CASCADE, related_name="stay")
    shelter = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="shelter_stays",
        verbose_name=_("rumah aman"),
    )
    beds = models.PositiveSmallIntegerField(_("tempat tidur"), default=1)
    children = models.PositiveSmallIntegerField(_("anak di antaranya"), default=0)
    reasons = models.JSONField(_("alasan penampungan"), default=list, blank=True)
    admitted_at = models.DateTimeField(_("masuk"))
    planned_end_at = models.DateTimeField(_("rencana keluar"))
    over_capacity = models.BooleanField(_("melebihi kapasitas"), default=False)
    override_reason = EncryptedTextField(_("alasan melebihi kapasitas"), blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    discharged_at = models.DateTimeField(_("keluar"), null=True, blank=True)
    destination = EncryptedTextField(_("tujuan setelah keluar"), blank=True)

    class Meta:
        ordering = ["-admitted_at", "-id"]
        verbose_name = _("penampungan")
        verbose_name_plural = _("penampungan")
        indexes = [
            # Occupancy: the active stays of a shelter.
            models.Index(
                fields=["shelter"],
                condition=Q(discharged_at__isnull=True),
                name="shelter_stay_active",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(beds__gte=1), name="stay_takes_a_bed"),
            models.CheckConstraint(
                condition=Q(children__lte=F("beds")), name="stay_children_within_beds"
            ),
            models.CheckConstraint(
                condition=Q(planned_end_at__gt=F("admitted_at")), name="stay_ends_after_admission"
            ),
            models.CheckConstraint(
                condition=Q(discharged_at__isnull=True) | Q(discharged_at__gte=F("admitted_at")),
                name="stay_discharged_after_admission",
            ),
            models.CheckConstraint(
                condition=Q(over_capacity=False) | ~Q(override_reason=""),
                name="stay_over_capacity_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.shelter_id} {self.admitted_at:%Y-%m-%d}"

    @property
    def active(self) -> bool:
        return self.discharged_at is None

    @property
    def reason_labels(self) -> list[str]:
        return [str(AdmissionReason(r).label) for r in self.reasons if r in AdmissionReason.values]


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu persetujuan")
    APPROVED = "approved", _("Disetujui")
    REJECTED = "rejected", _("Ditolak")


class ShelterExtension(PublicModel):
    """A longer stay, asked with a reason and decided by a supervisor of the case's area who
    did not ask (DESIGN §6.4)."""

    stay = models.ForeignKey(ShelterStay, on_delete=models.CASCADE, related_name="extensions")
    until = models.DateTimeField(_("diperpanjang sampai"))
    reason = EncryptedTextField(_("alasan"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = EncryptedTextField(_("catatan keputusan"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("perpanjangan penampungan")
        verbose_name_plural = _("perpanjangan penampungan")
        constraints = [
            models.UniqueConstraint(
                fields=["stay"], condition=Q(status="pending"), name="extension_one_pending"
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("requested_by")),
                name="extension_decider_not_requester",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.status} {self.until:%Y-%m-%d}"
