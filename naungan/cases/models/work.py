"""The case's working records beyond the core (DESIGN §3, §5): intervention plan and
monitoring, documents, transfers between units, in-app notifications and saved list filters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.core.fields import EncryptedBinaryField, EncryptedTextField, RowIdentityField
from naungan.core.models import PublicModel, TimeStampedModel
from naungan.orgs.models import Organisation

from .case import Case, Task


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Menunggu persetujuan")
    APPROVED = "approved", _("Disetujui")
    REJECTED = "rejected", _("Ditolak")


class InterventionPlan(PublicModel):
    """A versioned plan made with the client (DESIGN §5 step 3); a supervisor approves it.
    A new version supersedes the old, which stays as history."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plans")
    version = models.PositiveIntegerField(_("versi"), default=1)
    goals = EncryptedTextField(_("tujuan"))
    made_with = models.CharField(_("disusun bersama"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = EncryptedTextField(_("alasan keputusan"), blank=True)

    class Meta:
        ordering = ["case", "-version"]
        verbose_name = _("rencana intervensi")
        verbose_name_plural = _("rencana intervensi")
        constraints = [
            models.UniqueConstraint(fields=["case", "version"], name="plan_version_unique")
        ]

    def __str__(self) -> str:
        return f"v{self.version}"


class PlanAction(TimeStampedModel):
    """One action of a plan: what, who, by when. Its follow-up date becomes a case task."""

    plan = models.ForeignKey(InterventionPlan, on_delete=models.CASCADE, related_name="actions")
    description = EncryptedTextField(_("tindakan"))
    row_uuid = RowIdentityField()
    service = models.CharField(_("layanan"), max_length=30, blank=True)
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responsible_org = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_at = models.DateTimeField(_("tenggat"), null=True, blank=True)
    task = models.OneToOneField(
        Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="plan_action"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("tindakan rencana")
        verbose_name_plural = _("tindakan rencana")

    def __str__(self) -> str:
        return f"action {self.pk}"


class MonitoringEntry(PublicModel):
    """A periodic review (DESIGN §5 step 5; default every 30 days)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="monitoring")
    reviewed_on = models.DateField(_("tanggal tinjauan"))
    summary = EncryptedTextField(_("ringkasan"))
    rights_reviewed = models.BooleanField(_("hak korban ditinjau"), default=False)
    risk_changed = models.BooleanField(_("risiko berubah"), default=False)
    next_review_on = models.DateField(_("tinjauan berikutnya"), null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        verbose_name = _("catatan pemantauan")
        verbose_name_plural = _("catatan pemantauan")

    def __str__(self) -> str:
        return f"{self.reviewed_on}"


class DocumentKind(models.TextChoices):
    VISUM = "visum", _("Visum et repertum")
    POLICE_REPORT = "police_report", _("Laporan polisi (LP)")
    ID_CARD = "id_card", _("KTP")
    FAMILY_CARD = "family_card", _("Kartu keluarga (KK)")
    COURT = "court", _("Dokumen pengadilan")
    LETTER = "letter", _("Surat")
    MINUTES = "minutes", _("Berita acara")
    OTHER = "other", _("Lainnya")


class CaseDocument(PublicModel):
    """An encrypted file on a case. The content type is detected from the bytes; the name the
    uploader gave is kept encrypted (it may identify the victim) and never used on disk."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("jenis dokumen"), max_length=20, choices=DocumentKind.choices)
    title = EncryptedTextField(_("judul"), blank=True)
    original_name = EncryptedTextField(_("nama berkas asli"), blank=True)
    content_type = models.CharField(_("jenis isi"), max_length=100)
    size = models.PositiveIntegerField(_("ukuran"))
    sha256 = models.CharField(max_length=64)
    blob = EncryptedBinaryField(_("isi terenkripsi"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dokumen kasus")
        verbose_name_plural = _("dokumen kasus")

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id}"


class TransferStatus(models.TextChoices):
    REQUESTED = "requested", _("Diajukan")
    ACCEPTED = "accepted", _("Diterima")
    DECLINED = "declined", _("Ditolak")
    CANCELLED = "cancelled", _("Dibatalkan")


class CaseTransfer(PublicModel):
    """Hand-over of a case to another UPTD PPA, the province or SAPA 129 (DESIGN §5). The
    receiving unit's supervisor accepts (ownership and area move) or declines."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfers")
    from_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    to_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    to_area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    from_area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("alasan"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=TransferStatus.choices,
        default=TransferStatus.REQUESTED,
        db_index=True,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = EncryptedTextField(_("alasan penolakan"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pelimpahan kasus")
        verbose_name_plural = _("pelimpahan kasus")
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status="requested"),
                name="one_open_transfer_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.to_organisation_id}"


class NotificationKind(models.TextChoices):
    TASK_OVERDUE = "task_overdue", _("Tugas terlambat")
    ASSIGNED = "assigned", _("Ditugaskan")
    TRANSFER = "transfer", _("Pelimpahan")
    CLOSURE = "closure", _("Penutupan")
    PLAN = "plan", _("Rencana intervensi")
    REPORTER_MESSAGE = "reporter_message", _("Pesan pelapor")


class Notification(TimeStampedModel):
    """An in-app notice to one user. Its text never holds personal data (it names the case by
    registration number and the task by kind), so it may also go out by e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(max_length=300)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            # One overdue notice per task and user: the overdue check is safe to run twice.
            models.UniqueConstraint(
                fields=["user", "task", "kind"],
                condition=models.Q(task__isnull=False),
                name="one_notice_per_task_user_kind",
            )
        ]

    def __str__(self) -> str:
        return self.message


class SavedFilter(TimeStampedModel):
    """A named case-list filter (the list's query string) kept for one user."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters"
    )
    name = models.CharField(_("nama"), max_length=80)
    query = models.CharField(_("saringan"), max_length=1000)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="saved_filter_name_unique")
        ]

    def __str__(self) -> str:
        return self.name
