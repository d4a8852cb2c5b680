"""Consent to share a victim's data with one recipient organisation (DESIGN §3 Consent, §12):
which categories, who gave it (the victim, a guardian, a supervisor-approved best-interest
exception for a child, or a recorded legal duty), on which form, and its withdrawal."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.cases.models import Case, CaseParty
from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel
from naungan.orgs.models import Organisation


class DataCategory(models.TextChoices):
    """What a consent lets the recipient see (CONTRACT §8); the packet holds only these."""

    IDENTITY = "identity", _("Identitas (nama, usia, jenis kelamin)")
    CONTACT = "contact", _("Kontak (telepon, alamat)")
    NARRATIVE = "narrative", _("Kronologi kejadian")
    RISK = "risk", _("Penilaian risiko")
    SERVICES = "services", _("Layanan yang sudah diberikan")
    DOCUMENTS = "documents", _("Dokumen")


class ConsentGiver(models.TextChoices):
    VICTIM = "victim", _("Korban sendiri")
    GUARDIAN = "guardian", _("Orang tua / wali")
    BEST_INTEREST = "best_interest", _("Pengecualian demi kepentingan terbaik anak")
    LEGAL_DUTY = "legal_duty", _("Kewajiban hukum")


class AlternativeBasis(models.TextChoices):
    """The basis of a best-interest exception instead of the guardian's consent (UU PDP)."""

    VITAL_INTEREST = "vital_interest", _("Kepentingan vital anak")
    PUBLIC_TASK = "public_task", _("Pelaksanaan tugas pelayanan publik")


class LegalDuty(models.TextChoices):
    """A duty of law that lets the unit share without consent, recorded by a supervisor."""

    TPKS_POLICE_REPORT = "tpks_police_report", _("Pelaporan ke polisi (UU TPKS Pasal 41)")


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("Tertulis (formulir ditandatangani)")
    ORAL = "oral", _("Lisan, dicatat petugas")
    ADAPTED = "adapted", _("Cara yang disesuaikan (disabilitas)")


class Consent(PublicModel):
    """One consent for one purpose (a referral) and one recipient. Withdrawal applies onward:
    ``withdrawn_at`` stops further sharing; what was shared stays in ``SharingRecord``.

    ``best_interest``: a child's data shared without the guardian (asking would endanger the
    child, e.g. the guardian is the perpetrator) with a reason, an alternative basis, a
    representative, the child's view and a supervisor's approval (DESIGN §12).
    ``legal_duty``: no consent at all; a supervisor records the duty (the TPKS police report),
    only to a law-enforcement provider. Reasons and names are encrypted."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    subject = models.ForeignKey(
        CaseParty, on_delete=models.PROTECT, related_name="+", verbose_name=_("korban")
    )
    recipient = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("penerima")
    )
    categories = models.JSONField(_("kategori data"), default=list)
    given_by = models.CharField(_("diberikan oleh"), max_length=20, choices=ConsentGiver.choices)
    method = models.CharField(
        _("cara"), max_length=10, choices=ConsentMethod.choices, default=ConsentMethod.WRITTEN
    )
    form_version = models.CharField(_("versi formulir"), max_length=20)
    given_at = models.DateTimeField(_("diberikan"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The guardian who consented for a child (a party of the case when recorded there).
    guardian = models.ForeignKey(
        CaseParty,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("wali"),
    )
    guardian_name = EncryptedTextField(_("nama wali"), blank=True)
    # Best-interest exception.
    exception_reason = EncryptedTextField(_("alasan pengecualian"), blank=True)
    alternative_basis = models.CharField(
        _("dasar pengganti"), max_length=20, choices=AlternativeBasis.choices, blank=True
    )
    representative = EncryptedTextField(_("pendamping anak"), blank=True)
    child_view = EncryptedTextField(_("pendapat anak"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("disetujui oleh"),
    )
    approved_at = models.DateTimeField(_("disetujui"), null=True, blank=True)
    # Legal duty.
    duty = models.CharField(
        _("kewajiban hukum"), max_length=30, choices=LegalDuty.choices, blank=True
    )
    withdrawn_at = models.DateTimeField(_("ditarik"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_reason = EncryptedTextField(_("alasan penarikan"), blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name = _("persetujuan berbagi data")
        verbose_name_plural = _("persetujuan berbagi data")
        indexes = [models.Index(fields=["case", "recipient"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(given_by__in=ConsentGiver.values), name="consent_giver_valid"
            ),
            models.CheckConstraint(
                condition=~Q(given_by="best_interest")
                | (
                    Q(approved_by__isnull=False)
                    & ~Q(exception_reason="")
                    & Q(alternative_basis__in=AlternativeBasis.values)
                ),
                name="consent_best_interest_documented",
            ),
            models.CheckConstraint(
                condition=~Q(given_by="legal_duty") | ~Q(duty=""),
                name="consent_legal_duty_named",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdrawn_reason=""),
                name="consent_withdrawn_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.given_by} {self.given_at:%Y-%m-%d}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None

    def allows(self, category: str) -> bool:
        """Whether ``category`` may be shared now (never after withdrawal)."""
        return self.active and category in (self.categories or [])
