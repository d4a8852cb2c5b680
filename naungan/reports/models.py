"""Reports (Lapor): what reaches the UPTD PPA before it becomes a case (DESIGN §3, §4).

A report comes from the public form (channel ``web``) or is taken by staff (hotline, walk-in,
activist, referral, outreach). Personal data sit in encrypted fields; the reporter's phone has
a blind index for exact search; the PIN exists only as a keyed hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.core.fields import (
    BlindIndexField,
    EncryptedBinaryField,
    EncryptedKeyListField,
    EncryptedTextField,
    RowIdentityField,
)
from naungan.core.models import PublicModel, TimeStampedModel
from naungan.core.vocabulary import Channel, Sex, ViolenceType  # noqa: F401 - re-exported
from naungan.core.vocabulary import Triage as TriageLevel
from naungan.orgs.models import Organisation


class ReportKind(models.TextChoices):
    COMPLAINT = "complaint", _("Pengaduan")
    CURHAT = "curhat", _("Curhat")


STAFF_CHANNELS = [c for c in Channel.values if c != Channel.WEB]


class ReporterRelation(models.TextChoices):
    VICTIM = "victim", _("Korban sendiri")
    FAMILY = "family", _("Keluarga")
    WITNESS = "witness", _("Saksi / tetangga")
    OTHER = "other", _("Lainnya")


class ReportStatus(models.TextChoices):
    RECEIVED = "received", _("Diterima")
    TRIAGED = "triaged", _("Sudah ditriase")
    CONVERTED = "converted", _("Menjadi kasus")
    HANDED_OVER = "handed_over", _("Dilimpahkan")
    CLOSED = "closed", _("Ditutup")


OPEN_STATUSES = [ReportStatus.RECEIVED, ReportStatus.TRIAGED]


class HotlineMedium(models.TextChoices):
    PHONE = "phone", _("Telepon")
    WHATSAPP = "whatsapp", _("WhatsApp")
    LETTER = "letter", _("Surat")
    EMAIL = "email", _("Surel")


class Report(PublicModel):
    tracking_code = models.CharField(_("kode lacak"), max_length=16, unique=True)
    pin_hash = models.CharField(max_length=64, editable=False)
    kind = models.CharField(_("jenis"), max_length=10, choices=ReportKind.choices)
    channel = models.CharField(_("saluran"), max_length=12, choices=Channel.choices)
    medium = models.CharField(
        _("media hotline"), max_length=10, choices=HotlineMedium.choices, blank=True
    )
    source_reference = models.CharField(_("nomor rujukan pengirim"), max_length=100, blank=True)
    reporter_relation = models.CharField(
        _("hubungan pelapor"), max_length=10, choices=ReporterRelation.choices
    )
    anonymous = models.BooleanField(_("anonim"), default=True)
    reporter_name = EncryptedTextField(_("nama pelapor"), blank=True)
    reporter_phone = EncryptedTextField(_("telepon pelapor"), blank=True)
    reporter_phone_index = BlindIndexField()
    message_only = models.BooleanField(_("hanya pesan, jangan ditelepon"), default=False)
    victim_name = EncryptedTextField(_("nama korban"), blank=True)
    victim_age = models.PositiveSmallIntegerField(_("usia korban"), null=True, blank=True)
    victim_sex = models.CharField(
        _("jenis kelamin korban"), max_length=1, choices=Sex.choices, blank=True
    )
    violence_types = models.JSONField(_("jenis kekerasan"), default=list, blank=True)
    # An activist's report (channel ``activist``): whether the victim agreed to it (CONTRACT
    # §4); unknown (None) for every other channel.
    victim_consent = models.BooleanField(_("korban setuju dilaporkan"), null=True, blank=True)
    description = EncryptedTextField(_("uraian"))
    incident_date = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("wilayah"),
    )
    location_detail = EncryptedTextField(_("detail lokasi"), blank=True)
    received_at = models.DateTimeField(_("diterima pada"), db_index=True)
    triage = models.CharField(_("triase"), max_length=10, choices=TriageLevel.choices, blank=True)
    # The checklist's answers say things about the victim (a child alone, thoughts of suicide,
    # pregnancy or disability): encrypted like the narrative, as lists of item keys.
    triage_checklist = EncryptedKeyListField(_("daftar periksa triase"))
    # The checklist as the activist answered it in the field (channel ``activist``): kept apart
    # from the desk's own answers, which it pre-fills and bars from going below (DESIGN §8).
    reported_checklist = EncryptedKeyListField(_("daftar periksa dari lapangan"))
    # What the checklist suggested at triage, and which version of the triage instrument
    # suggested it (``"triage v2"``), so a later version never rewrites a past suggestion.
    triage_suggested = models.CharField(
        _("saran daftar periksa"), max_length=10, choices=TriageLevel.choices, blank=True
    )
    triage_suggested_by = models.CharField(
        _("versi daftar periksa yang menyarankan"), max_length=40, blank=True
    )
    # Why the level lies below the checklist's suggestion or below the earlier level (DESIGN §4).
    triage_reason = EncryptedTextField(_("alasan triase"), blank=True)
    triaged_at = models.DateTimeField(_("ditriase pada"), null=True, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ditriase oleh"),
    )
    response_due_at = models.DateTimeField(_("batas respons"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.RECEIVED
    )
    closed_reason = EncryptedTextField(_("alasan penutupan / pelimpahan"), blank=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("UPTD PPA penanggung jawab"),
    )
    last_reporter_message_at = models.DateTimeField(null=True, blank=True)
    # Set when ten wrong PINs for this code locked the reporter's access (CONTRACT §4).
    pin_locked_until = models.DateTimeField(
        _("akses pelapor dikunci sampai"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["kind"]),
            models.Index(fields=["channel"]),
            models.Index(fields=["response_due_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ReportKind.values), name="report_kind"),
            models.CheckConstraint(condition=Q(channel__in=Channel.values), name="report_channel"),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="report_status"
            ),
            models.CheckConstraint(
                condition=Q(triage="") | Q(triage__in=TriageLevel.values), name="report_triage"
            ),
            models.CheckConstraint(
                condition=Q(anonymous=True) | ~Q(reporter_name=""), name="report_named_has_name"
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class MessageSender(models.TextChoices):
    REPORTER = "reporter", _("Pelapor")
    STAFF = "staff", _("Petugas")


class ReportMessage(TimeStampedModel):
    """The thread between reporter and UPTD PPA. Staff appear to the reporter as "Petugas";
    the author is recorded for the audit."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(_("pengirim"), max_length=10, choices=MessageSender.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("penulis"),
    )
    body = EncryptedTextField(_("pesan"))
    row_uuid = RowIdentityField()
    sent_at = models.DateTimeField(_("dikirim pada"))
    read = models.BooleanField(_("sudah dibaca"), default=False)

    class Meta:
        ordering = ["sent_at", "id"]
        verbose_name = _("pesan laporan")
        verbose_name_plural = _("pesan laporan")
        indexes = [models.Index(fields=["report", "sender", "read"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(sender__in=MessageSender.values), name="report_message_sender"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id} {self.sender} {self.sent_at:%Y-%m-%d %H:%M}"


class TriageClock(TimeStampedModel):
    """Response clock per organisation and level, in clock hours from receipt. Absent rows use
    ``DEFAULT_TRIAGE_HOURS``."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="triage_clocks"
    )
    level = models.CharField(_("tingkat"), max_length=10, choices=TriageLevel.choices)
    hours = models.PositiveIntegerField(_("jam"))

    class Meta:
        verbose_name = _("jam respons triase")
        verbose_name_plural = _("jam respons triase")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "level"], name="triage_clock_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.level} {self.hours} h"


class IdempotencyRecord(models.Model):
    """A submission's answer kept for 24 hours so that a retry replays it. The body holds the
    PIN, so it is encrypted."""

    key = models.CharField(max_length=140, unique=True)
    body_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    response = EncryptedTextField()
    row_uuid = RowIdentityField()
    report = models.ForeignKey(Report, null=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("kunci idempotensi")
        verbose_name_plural = _("kunci idempotensi")

    def __str__(self) -> str:
        return self.key


class AttachmentKind(models.TextChoices):
    PHOTO = "photo", _("Foto")
    AUDIO = "audio", _("Rekaman suara")
    PDF = "pdf", _("Dokumen PDF")


class ReportAttachment(PublicModel):
    """A file the reporter sent with a public report (DESIGN §3 Attachment, §12 files
    encrypted).

    Stored **in the database** (``blob``, a bytea), not under ``var/media``: the file then
    commits or rolls back together with its report in one transaction (no orphan files, no
    half-written report, no clean-up job), it is in every backup with the rows that refer to it,
    and nothing can ever be served from a media URL. Files are small (at most
    ``REPORT_ATTACHMENT_MAX_BYTES``, 10 MiB by default, and a few per report), so the cost in
    table size is acceptable; list queries defer ``blob``.

    ``blob`` is AES-256-GCM under the field keyring (``crypto.encrypt_bytes``), bound to
    ``public_id`` so it cannot be moved to another row. Photos are re-encoded without EXIF/GPS
    or other metadata before encryption; audio and PDF are kept byte for byte. ``sha256`` is of
    the stored plaintext. The original file name may identify the victim: it is kept only
    encrypted, shown to staff, never used as the download name."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("jenis lampiran"), max_length=5, choices=AttachmentKind.choices)
    content_type = models.CharField(_("tipe isi"), max_length=40)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(max_length=64)
    original_name = EncryptedTextField(_("nama file asli"), blank=True)
    blob = EncryptedBinaryField(editable=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("lampiran laporan")
        verbose_name_plural = _("lampiran laporan")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AttachmentKind.values), name="report_attachment_kind"
            ),
            models.CheckConstraint(condition=Q(size__gt=0), name="report_attachment_size"),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} {self.kind} {self.size}"
