"""A service given on a case (DESIGN §3 ServiceEpisode, §6): which of the six, by which
organisation and staff member, from when to when, where, with what outcome."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import Case
from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel
from naungan.orgs.models import Organisation, ServiceType


class Service(models.TextChoices):
    """The six UPTD PPA services (CONTRACT §5), labelled as in the organisations' list."""

    COMPLAINT = ServiceType.COMPLAINT.value, ServiceType.COMPLAINT.label
    OUTREACH = ServiceType.OUTREACH.value, ServiceType.OUTREACH.label
    CASE_MANAGEMENT = ServiceType.CASE_MANAGEMENT.value, ServiceType.CASE_MANAGEMENT.label
    SHELTER = ServiceType.SHELTER.value, ServiceType.SHELTER.label
    MEDIATION = ServiceType.MEDIATION.value, ServiceType.MEDIATION.label
    ACCOMPANIMENT = ServiceType.ACCOMPANIMENT.value, ServiceType.ACCOMPANIMENT.label


class ServiceEpisode(PublicModel):
    """One episode of a service on a case. ``automatic`` episodes are the complaint and case
    management that opening a case records (``services.episodes.episodes_on_case_event``);
    the others are opened by the case's writers. In progress while ``ended_at`` is empty.
    Outcome, notes and place are personal data (a victim's address is a place): encrypted."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="service_episodes")
    service = models.CharField(_("layanan"), max_length=20, choices=Service.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="service_episodes",
        verbose_name=_("diberikan oleh"),
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("petugas"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("mulai"))
    ended_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    place = EncryptedTextField(_("tempat"), blank=True)
    outcome = EncryptedTextField(_("hasil"), blank=True)
    notes = EncryptedTextField(_("catatan"), blank=True)
    automatic = models.BooleanField(_("dicatat otomatis"), default=False)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        indexes = [
            models.Index(fields=["case", "service"]),
            # Statistics: by service, unit and month.
            models.Index(fields=["service", "organisation", "started_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__in=Service.values), name="episode_service_valid"
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="episode_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} {self.started_at:%Y-%m-%d}"

    @property
    def in_progress(self) -> bool:
        return self.ended_at is None
