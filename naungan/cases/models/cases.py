"""The case itself (DESIGN §3, §5): its status vocabulary, area scope columns, status history,
closure requests and case notes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.core.fields import EncryptedTextField, RowIdentityField
from naungan.core.models import PublicModel, TimeStampedModel
from naungan.core.vocabulary import Channel, Sex, Triage, ViolenceType  # noqa: F401 - re-exported
from naungan.orgs.models import Organisation


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Identifikasi")
    ASSESSMENT = "assessment", _("Asesmen")
    INTERVENTION = "intervention", _("Intervensi")
    MONITORING = "monitoring", _("Pemantauan")
    CLOSED = "closed", _("Ditutup")


class NoteKind(models.TextChoices):
    CONTACT = "contact", _("Kontak")
    HOME_VISIT = "home_visit", _("Kunjungan rumah")
    COORDINATION = "coordination", _("Koordinasi")
    SUPERVISION = "supervision", _("Supervisi")
    OTHER = "other", _("Lainnya")


class ClosureReason(models.TextChoices):
    GOALS_MET = "goals_met", _("Tujuan tercapai")
    CLIENT_DECLINED = "client_declined", _("Klien menolak")
    TRANSFERRED = "transferred", _("Dilimpahkan")
    UNREACHABLE = "unreachable", _("Tidak dapat dihubungi")
    MOVED = "moved", _("Pindah")
    DIED = "died", _("Meninggal")


class ClosureStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu persetujuan")
    APPROVED = "approved", _("Disetujui")
    REJECTED = "rejected", _("Ditolak")


# A scope filter and an area filter combine two of these columns; each index carries the others
# so that either can answer both.
SCOPE_COLUMNS = ("area_province_code", "area_regency_code", "area_district_code", "area_code")


class Case(PublicModel):
    registration_number = models.CharField(_("nomor registrasi"), max_length=40, unique=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="cases", verbose_name=_("UPTD PPA")
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="cases", verbose_name=_("wilayah")
    )
    # The area's codes at the time of the case (DESIGN §3: records keep the code valid at event
    # time), copied so that scope filters hit one indexed column of this table instead of a
    # join whose selectivity the planner cannot estimate. Filled by ``save()``.
    area_province_code = models.CharField(max_length=2, editable=False, default="")
    area_regency_code = models.CharField(max_length=5, editable=False, default="")
    area_district_code = models.CharField(max_length=8, editable=False, default="")
    area_code = models.CharField(max_length=13, editable=False, default="")
    channel = models.CharField(_("saluran"), max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField(_("diterima"))
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    violence_types = models.JSONField(_("jenis kekerasan"), default=list, blank=True)
    # ",physical,sexual," — the same list in a form every database can filter on.
    violence_key = models.CharField(max_length=120, blank=True, default="", editable=False)
    description = EncryptedTextField(_("uraian"), blank=True)
    triage = models.CharField(_("triase"), max_length=10, choices=Triage.choices, blank=True)
    restricted = models.BooleanField(_("terbatas"), default=False)
    restricted_to = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("akses terbatas")
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_cases",
        verbose_name=_("pendamping utama"),
    )
    co_workers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="co_cases",
        verbose_name=_("pendamping pendukung"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="created_cases"
    )
    source_report = models.ForeignKey(
        "reports.Report",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("laporan asal"),
    )
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("kasus")
        verbose_name_plural = _("kasus")
        indexes = [
            models.Index(fields=["status", "-received_at"]),
            # Scope lists: newest first within an area; the included columns let PostgreSQL
            # count a supervisor's filtered list from the index alone.
            *[
                models.Index(
                    fields=[column, "-received_at"],
                    include=[
                        *(c for c in SCOPE_COLUMNS if c != column),
                        "restricted",
                        "status",
                        "violence_key",
                        "id",
                    ],
                    name=f"case_scope_{column.removeprefix('area_')}",
                )
                for column in SCOPE_COLUMNS
            ],
            models.Index(fields=["created_by", "-received_at"]),
            models.Index(fields=["lead", "-received_at"]),
            models.Index(fields=["-received_at", "id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=CaseStatus.values), name="case_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False),
                name="case_closed_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.registration_number

    def save(self, *args: object, **kwargs: object) -> None:
        self.fill_derived()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def fill_derived(self) -> None:
        """Denormalised filter columns (also called by bulk writers that bypass ``save``)."""
        self.violence_key = "," + ",".join(sorted(self.violence_types or [])) + ","
        area = self.area
        self.area_province_code = area.province_code
        self.area_regency_code = area.regency_code
        self.area_district_code = area.district_code
        self.area_code = area.code

    def local_received_at(self) -> datetime:
        return timezone.localtime(self.received_at, timezone=ZoneInfo(self.area.timezone))


class Note(PublicModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("jenis"), max_length=20, choices=NoteKind.choices)
    body = EncryptedTextField(_("isi"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("catatan")
        verbose_name_plural = _("catatan")

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%Y-%m-%d}"


class StatusChange(TimeStampedModel):
    """Every transition of a case, with who and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("alasan"), blank=True)
    row_uuid = RowIdentityField()

    class Meta:
        verbose_name = _("perubahan status")
        verbose_name_plural = _("perubahan status")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class ClosureRequest(PublicModel):
    """Closure is requested with a reason and summary and decided by a supervisor who is not the
    requester (DESIGN §5 step 6)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="closure_requests")
    reason = models.CharField(_("alasan"), max_length=20, choices=ClosureReason.choices)
    summary = EncryptedTextField(_("ringkasan"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ClosureStatus.choices, default=ClosureStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = EncryptedTextField(_("catatan keputusan"), blank=True)

    class Meta:
        verbose_name = _("permintaan penutupan")
        verbose_name_plural = _("permintaan penutupan")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status="pending"),
                name="closure_one_pending_per_case",
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=models.F("requested_by")),
                name="closure_decider_not_requester",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reason} ({self.status})"
