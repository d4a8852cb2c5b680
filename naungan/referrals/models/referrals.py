"""A referral from a case to a partner provider for one service type (DESIGN §3, §9), its
status history and the record of what was shared with whom."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import Case, Task
from naungan.core.fields import EncryptedTextField, RowIdentityField
from naungan.core.models import TimeStampedModel
from naungan.orgs.models import EligibilityDocument, Organisation, ServiceType

from .consents import Consent


class ReferralServiceType(models.TextChoices):
    """What a case is referred for (CONTRACT §5, DESIGN §3): the services the UPTD PPA does
    not give itself, labelled as in the organisations' list."""

    HEALTH = ServiceType.HEALTH.value, ServiceType.HEALTH.label
    PSYCHOSOCIAL = ServiceType.PSYCHOSOCIAL.value, ServiceType.PSYCHOSOCIAL.label
    LEGAL_AID = ServiceType.LEGAL_AID.value, ServiceType.LEGAL_AID.label
    LAW_ENFORCEMENT = ServiceType.LAW_ENFORCEMENT.value, ServiceType.LAW_ENFORCEMENT.label
    REHABILITATION = ServiceType.REHABILITATION.value, ServiceType.REHABILITATION.label
    REINTEGRATION = ServiceType.REINTEGRATION.value, ServiceType.REINTEGRATION.label
    RELIGIOUS = ServiceType.RELIGIOUS.value, ServiceType.RELIGIOUS.label
    REPATRIATION = ServiceType.REPATRIATION.value, ServiceType.REPATRIATION.label
    FAMILY_COUNSELLING = ServiceType.FAMILY_COUNSELLING.value, ServiceType.FAMILY_COUNSELLING.label


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Terkirim")
    ACCEPTED = "accepted", _("Diterima mitra")
    DECLINED = "declined", _("Ditolak mitra")
    COMPLETED = "completed", _("Selesai")
    WITHDRAWN = "withdrawn", _("Ditarik")


# Which status may follow which (DESIGN §9): sent → accepted | declined | withdrawn,
# accepted → completed | withdrawn; declined, completed and withdrawn are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    ReferralStatus.SENT: frozenset(
        {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.WITHDRAWN}
    ),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.COMPLETED, ReferralStatus.WITHDRAWN}),
    ReferralStatus.DECLINED: frozenset(),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.WITHDRAWN: frozenset(),
}
# Statuses in which the provider still owes an answer or the service: they block closure.
PENDING_STATUSES = frozenset({ReferralStatus.SENT, ReferralStatus.ACCEPTED})


class Referral(TimeStampedModel):
    """One referral. The primary key is a UUID (CONTRACT §4: referral ids are UUIDs), the same
    value as ``public_id``. ``year`` and ``number`` make the reference printed on the letter
    (``RJK/2026/00012``), unique per year. ``eligibility_unmet`` lists the documents the
    provider asks for (any one suffices) when the client holds none of them: a warning, never a
    refusal, with the caseworker's reason. Notes, reasons and feedback are encrypted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    row_uuid = RowIdentityField()  # binds the encrypted fields to this row
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    from_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("dari")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("mitra tujuan"),
    )
    service_type = models.CharField(
        _("jenis layanan"), max_length=30, choices=ReferralServiceType.choices
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    year = models.PositiveSmallIntegerField(_("tahun"), editable=False)
    number = models.PositiveIntegerField(_("nomor"), editable=False)
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("persetujuan")
    )
    note = EncryptedTextField(_("catatan untuk mitra"), blank=True)
    documents_held = models.JSONField(_("dokumen yang dimiliki klien"), default=list, blank=True)
    eligibility_unmet = models.JSONField(_("syarat belum terpenuhi"), default=list, blank=True)
    warning_reason = EncryptedTextField(_("alasan tetap merujuk"), blank=True)
    decline_reason = EncryptedTextField(_("alasan penolakan"), blank=True)
    service_given = EncryptedTextField(_("layanan yang diberikan"), blank=True)
    outcome = EncryptedTextField(_("hasil layanan"), blank=True)
    withdrawn_reason = EncryptedTextField(_("alasan penarikan"), blank=True)
    sent_at = models.DateTimeField(_("dikirim"))
    accepted_at = models.DateTimeField(_("diterima"), null=True, blank=True)
    declined_at = models.DateTimeField(_("ditolak"), null=True, blank=True)
    completed_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("ditarik"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The caseworker's reminder, due NAUNGAN_REFERRAL_REMINDER_HOURS after sending; done when
    # the provider answers, cancelled when the referral is withdrawn.
    reminder_task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at", "-number"]
        verbose_name = _("rujukan")
        verbose_name_plural = _("rujukan")
        indexes = [
            # The provider's list: its organisation's referrals, newest first, by status.
            models.Index(fields=["organisation", "-sent_at"]),
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["case", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="referral_number_per_year"),
            models.CheckConstraint(
                condition=Q(status__in=ReferralStatus.values), name="referral_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(service_type__in=ReferralServiceType.values),
                name="referral_service_type_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="referral_declined_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="completed") | ~Q(outcome=""),
                name="referral_completed_has_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | ~Q(withdrawn_reason=""),
                name="referral_withdrawn_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def public_id(self) -> uuid.UUID:
        """The id in URLs and answers (the primary key itself)."""
        return self.id

    @property
    def reference(self) -> str:
        """The human reference number on the letter, unique per year."""
        return f"RJK/{self.year}/{self.number:05d}"

    @property
    def pending(self) -> bool:
        return self.status in PENDING_STATUSES

    @property
    def warnings(self) -> list[str]:
        """The warnings given when the referral was sent, in the reader's language."""
        if not self.eligibility_unmet:
            return []
        labels = [
            str(EligibilityDocument(c).label)
            for c in self.eligibility_unmet
            if c in EligibilityDocument.values
        ]
        return [
            ngettext(
                "Syarat layanan mitra belum terpenuhi: klien belum memiliki %(docs)s.",
                "Syarat layanan mitra belum terpenuhi: klien belum memiliki salah satu dari "
                "%(docs)s.",
                len(labels),
            )
            % {"docs": gettext(" atau ").join(labels)}
        ]

    @property
    def feedback(self) -> dict[str, str] | None:
        """The provider's answer as the caseworker reads it: the decline reason, or the service
        given and its outcome; None while nothing was reported."""
        if self.status == ReferralStatus.DECLINED:
            return {"reason": str(self.decline_reason)}
        if self.status == ReferralStatus.COMPLETED:
            return {"service_given": str(self.service_given), "outcome": str(self.outcome)}
        return None


class ReferralEvent(TimeStampedModel):
    """One step of a referral's life (sent, accepted, declined, completed, withdrawn), by whom
    and with what note; the history shown on the case and to the provider."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=10, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=ReferralStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = EncryptedTextField(_("catatan"), blank=True)
    row_uuid = RowIdentityField()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("riwayat rujukan")
        verbose_name_plural = _("riwayat rujukan")

    def __str__(self) -> str:
        return f"{self.from_status}→{self.to_status}"


class SharingChannel(models.TextChoices):
    VIEW = "view", _("Dilihat di Naungan")
    LETTER = "letter", _("Surat rujukan (PDF)")


class SharingRecord(TimeStampedModel):
    """What was shown or printed to whom and when, under which consent (DESIGN §9): withdrawn
    consent stops further sharing; what was shared stays recorded here. ``categories`` are
    those actually shared (the consented ones at that moment)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="sharings")
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="sharings")
    recipient = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(max_length=10, choices=SharingChannel.choices)
    categories = models.JSONField(default=list)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("catatan berbagi data")
        verbose_name_plural = _("catatan berbagi data")
        indexes = [models.Index(fields=["referral", "created_at"])]

    def __str__(self) -> str:
        return f"{self.channel} {self.created_at:%Y-%m-%d %H:%M}"
