"""Case management (DESIGN §3, §5–§7): people, cases, parties, incidents, tasks, notes and the
workflow history. Personal data sits in encrypted fields; exact lookups go through blind indexes
and fuzzy name search through keyed hashes of normalised name tokens (``PersonNameToken``)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.core.fields import BlindIndexField, EncryptedTextField, RowIdentityField
from naungan.core.models import PublicModel, TimeStampedModel
from naungan.core.vocabulary import Channel, Sex, Triage, ViolenceType  # noqa: F401 - re-exported
from naungan.orgs.models import Organisation

# --- vocabulary (CONTRACT §5, §6; DESIGN §7) ---------------------------------------------------


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Identifikasi")
    ASSESSMENT = "assessment", _("Asesmen")
    INTERVENTION = "intervention", _("Intervensi")
    MONITORING = "monitoring", _("Pemantauan")
    CLOSED = "closed", _("Ditutup")


class Education(models.TextChoices):
    NONE = "none", _("Tidak sekolah")
    PRIMARY = "primary", _("SD")
    JUNIOR = "junior", _("SLTP")
    SENIOR = "senior", _("SLTA")
    HIGHER = "higher", _("Perguruan tinggi")
    UNKNOWN = "unknown", _("Tidak diketahui")


class MaritalStatus(models.TextChoices):
    SINGLE = "single", _("Belum kawin")
    MARRIED = "married", _("Kawin")
    DIVORCED = "divorced", _("Cerai hidup")
    WIDOWED = "widowed", _("Cerai mati")
    UNKNOWN = "unknown", _("Tidak diketahui")


class PartyRole(models.TextChoices):
    VICTIM = "victim", _("Korban")
    PERPETRATOR = "perpetrator", _("Terduga pelaku")
    REPORTER = "reporter", _("Pelapor")
    WITNESS = "witness", _("Saksi")
    GUARDIAN = "guardian", _("Wali")
    HOUSEHOLD_MEMBER = "household_member", _("Anggota rumah tangga")


class Place(models.TextChoices):
    """SIMFONI-PPA tempat kejadian."""

    HOUSEHOLD = "household", _("Rumah tangga")
    WORKPLACE = "workplace", _("Tempat kerja")
    SHORT_COURSE = "short_course", _("Lembaga pendidikan kilat")
    SCHOOL = "school", _("Sekolah")
    PUBLIC_FACILITY = "public_facility", _("Fasilitas umum")
    OTHER = "other", _("Lainnya")


class Relationship(models.TextChoices):
    """GBVIMS alleged-perpetrator relationship (CONTRACT §6)."""

    INTIMATE_PARTNER = "intimate_partner", _("Pasangan intim")
    FORMER_PARTNER = "former_partner", _("Mantan pasangan")
    PRIMARY_CAREGIVER = "primary_caregiver", _("Pengasuh utama")
    FAMILY = "family", _("Keluarga")
    SUPERVISOR_EMPLOYER = "supervisor_employer", _("Atasan / majikan")
    SCHOOLMATE = "schoolmate", _("Teman sekolah")
    TEACHER = "teacher", _("Guru")
    SERVICE_PROVIDER = "service_provider", _("Penyedia layanan")
    NEIGHBOUR_FRIEND = "neighbour_friend", _("Tetangga / teman")
    STRANGER = "stranger", _("Orang tak dikenal")
    OTHER = "other", _("Lainnya")
    UNKNOWN = "unknown", _("Tidak diketahui")


class GbvType(models.TextChoices):
    RAPE = "rape", _("Perkosaan")
    SEXUAL_ASSAULT = "sexual_assault", _("Kekerasan seksual (kontak)")
    PHYSICAL_ASSAULT = "physical_assault", _("Kekerasan fisik")
    FORCED_MARRIAGE = "forced_marriage", _("Perkawinan paksa")
    DENIAL_OF_RESOURCES = "denial_of_resources", _("Penolakan sumber daya")
    PSYCHOLOGICAL_ABUSE = "psychological_abuse", _("Kekerasan psikis")
    NON_GBV = "non_gbv", _("Bukan KBG")


class Abduction(models.TextChoices):
    NONE = "none", _("Tidak ada")
    ABDUCTED = "abducted", _("Diculik")
    TRAFFICKED = "trafficked", _("Diperdagangkan")
    FORCED_CONSCRIPTION = "forced_conscription", _("Direkrut paksa")


class HarmfulPractice(models.TextChoices):
    NO = "no", _("Tidak")
    FGM = "fgm", _("Sunat perempuan (P2GP)")
    EARLY_MARRIAGE = "early_marriage", _("Perkawinan anak")
    OTHER = "other", _("Lainnya")


class TpksType(models.TextChoices):
    """UU TPKS Pasal 4 (CONTRACT §6)."""

    NONPHYSICAL_HARASSMENT = "nonphysical_harassment", _("Pelecehan seksual nonfisik")
    PHYSICAL_HARASSMENT = "physical_harassment", _("Pelecehan seksual fisik")
    FORCED_CONTRACEPTION = "forced_contraception", _("Pemaksaan kontrasepsi")
    FORCED_STERILISATION = "forced_sterilisation", _("Pemaksaan sterilisasi")
    FORCED_MARRIAGE = "forced_marriage", _("Pemaksaan perkawinan")
    SEXUAL_TORTURE = "sexual_torture", _("Penyiksaan seksual")
    SEXUAL_EXPLOITATION = "sexual_exploitation", _("Eksploitasi seksual")
    SEXUAL_SLAVERY = "sexual_slavery", _("Perbudakan seksual")
    ELECTRONIC = "electronic", _("Kekerasan seksual berbasis elektronik")
    RAPE = "rape", _("Perkosaan")
    OBSCENE_ACT = "obscene_act", _("Perbuatan cabul")
    OTHER = "other", _("Lainnya")


class TaskKind(models.TextChoices):
    POLICE_REPORT = "police_report", _("Lapor ke polisi (UU TPKS Ps. 41)")
    SHELTER_REVIEW = "shelter_review", _("Tinjau penampungan")
    FIRST_RESPONSE = "first_response", _("Respons pertama")
    PARTNER_PROTECTION = "partner_protection", _("Perlindungan oleh mitra")
    REVIEW = "review", _("Tinjauan berkala")
    CHILD_PROTECTION_REFERRAL = "child_protection_referral", _("Rujukan perlindungan anak")
    FOLLOW_UP = "follow_up", _("Tindak lanjut")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Terbuka")
    DONE = "done", _("Selesai")
    WAIVED = "waived", _("Dikesampingkan")
    CANCELLED = "cancelled", _("Dibatalkan")


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


# --- people -----------------------------------------------------------------------------------


class Person(PublicModel):
    """Someone in a case (no login). Identifying data encrypted; NIK and phone findable exactly
    through blind indexes, the name fuzzily through ``PersonNameToken``."""

    name = EncryptedTextField(_("nama"), blank=True)
    nik = EncryptedTextField(_("NIK"), blank=True)
    nik_index = BlindIndexField()
    phone = EncryptedTextField(_("telepon"), blank=True)
    phone_index = BlindIndexField()
    address = EncryptedTextField(_("alamat"), blank=True)
    address_area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kelurahan/desa"),
    )
    rt_rw = models.CharField(_("RT/RW"), max_length=15, blank=True)
    birth_date = EncryptedTextField(_("tanggal lahir"), blank=True)  # ISO date
    birth_year = models.PositiveSmallIntegerField(_("tahun lahir"), null=True, blank=True)
    age = models.PositiveSmallIntegerField(_("usia"), null=True, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    nationality = models.CharField(_("kewarganegaraan"), max_length=2, default="ID", blank=True)
    disability = models.BooleanField(_("disabilitas"), default=False)
    disability_needs = EncryptedTextField(_("kebutuhan khusus"), blank=True)
    education = models.CharField(
        _("pendidikan"), max_length=10, choices=Education.choices, blank=True
    )
    occupation = models.CharField(_("pekerjaan"), max_length=100, blank=True)
    marital_status = models.CharField(
        _("status perkawinan"), max_length=10, choices=MaritalStatus.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("orang")
        verbose_name_plural = _("orang")
        constraints = [
            models.CheckConstraint(condition=Q(age__lte=130), name="person_age_plausible"),
        ]

    def __str__(self) -> str:
        return str(self.public_id)


class PersonNameToken(models.Model):
    """One keyed hash of one normalised name token: fuzzy search without plaintext."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_tokens")
    token = models.CharField(max_length=64, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "token"], name="person_token_unique")
        ]

    def __str__(self) -> str:
        return self.token[:8]


# A scope filter and an area filter combine two of these columns; each index carries the others
# so that either can answer both.
SCOPE_COLUMNS = ("area_province_code", "area_regency_code", "area_district_code", "area_code")

# --- cases ------------------------------------------------------------------------------------


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


class CaseParty(PublicModel):
    """A person's part in a case. The victim link holds that victim's SIMFONI violence types and
    place; the perpetrator link the relationship (GBVIMS) to the victims."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="parties")
    role = models.CharField(_("peran"), max_length=20, choices=PartyRole.choices)
    violence_types = models.JSONField(_("jenis kekerasan"), default=list, blank=True)
    place = models.CharField(_("tempat kejadian"), max_length=20, choices=Place.choices, blank=True)
    relationship = models.CharField(
        _("hubungan dengan korban"), max_length=20, choices=Relationship.choices, blank=True
    )
    guardian_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guardians",
        verbose_name=_("wali dari"),
    )
    guardian_consent = models.BooleanField(_("persetujuan wali"), default=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("pihak kasus")
        verbose_name_plural = _("pihak kasus")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "person", "role"], name="case_party_unique_role"
            ),
        ]
        indexes = [models.Index(fields=["case", "role"])]

    def __str__(self) -> str:
        return f"{self.role} {self.person_id}"


class Incident(PublicModel):
    """One incident with exactly one survivor (GBVIMS). The type and flags are computed by
    ``classification`` from the stored answers, never typed in."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="incidents")
    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="incidents")
    occurred_on = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    occurred_on_approximate = models.BooleanField(_("tanggal perkiraan"), default=False)
    place = models.CharField(_("tempat kejadian"), max_length=20, choices=Place.choices, blank=True)
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    location = EncryptedTextField(_("lokasi"), blank=True)
    violence_types = models.JSONField(_("jenis kekerasan"), default=list, blank=True)
    perpetrator_relationship = models.CharField(
        _("hubungan pelaku"), max_length=20, choices=Relationship.choices, blank=True
    )
    perpetrator_age = models.PositiveSmallIntegerField(_("usia pelaku"), null=True, blank=True)
    survivor_age = models.PositiveSmallIntegerField(
        _("usia penyintas saat kejadian"), null=True, blank=True
    )
    q_penetration = models.BooleanField(null=True, blank=True)
    q_sexual_contact = models.BooleanField(null=True, blank=True)
    q_physical_assault = models.BooleanField(null=True, blank=True)
    q_forced_marriage = models.BooleanField(null=True, blank=True)
    q_denial_of_resources = models.BooleanField(null=True, blank=True)
    q_psychological_abuse = models.BooleanField(null=True, blank=True)
    gbv_type = models.CharField(_("jenis KBG"), max_length=20, choices=GbvType.choices)
    answer_trace = models.JSONField(_("jejak jawaban"), default=list, blank=True)
    context_flags = models.JSONField(_("penanda konteks"), default=list, blank=True)
    tpks_type = models.CharField(
        _("kategori TPKS"), max_length=30, choices=TpksType.choices, blank=True
    )
    abduction = models.CharField(
        _("penculikan"), max_length=20, choices=Abduction.choices, default=Abduction.NONE
    )
    money_goods_exchanged = models.BooleanField(_("ada pertukaran uang/barang"), default=False)
    harmful_traditional_practice = models.CharField(
        _("praktik tradisional berbahaya"),
        max_length=20,
        choices=HarmfulPractice.choices,
        default=HarmfulPractice.NO,
    )
    reporting_consent = models.BooleanField(_("setuju dilaporkan"), default=False)
    reported_elsewhere = models.BooleanField(_("sudah dilaporkan di tempat lain"), default=False)
    narrative = EncryptedTextField(_("kronologi"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["occurred_on", "id"]
        verbose_name = _("insiden")
        verbose_name_plural = _("insiden")
        constraints = [
            models.CheckConstraint(condition=Q(gbv_type__in=GbvType.values), name="incident_gbv")
        ]

    def __str__(self) -> str:
        return f"{self.gbv_type} {self.occurred_on}"


class Task(PublicModel):
    """A deadline on a case. Statutory tasks (law) are waived only by a supervisor with a reason.
    Overdue is computed (open and past ``due_at``), never stored."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(_("jenis"), max_length=30, choices=TaskKind.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_tasks",
        verbose_name=_("penanggung jawab"),
    )
    due_at = models.DateTimeField(_("tenggat"))
    status = models.CharField(
        _("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    statutory = models.BooleanField(_("wajib menurut hukum"), default=False)
    source_rule = models.CharField(_("aturan asal"), max_length=60, blank=True)
    waived_reason = EncryptedTextField(_("alasan dikesampingkan"), blank=True)
    completed_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("tugas")
        verbose_name_plural = _("tugas")
        indexes = [
            models.Index(fields=["owner", "status", "due_at"]),
            models.Index(fields=["case", "status"]),
            models.Index(fields=["status", "due_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="waived") | ~Q(waived_reason=""),
                name="task_waived_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_at:%Y-%m-%d %H:%M}"

    @property
    def overdue(self) -> bool:
        return self.status == TaskStatus.OPEN and self.due_at < timezone.now()


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


class Assignment(TimeStampedModel):
    """History of assignments: who was made lead or co-worker, or removed, by whom."""

    class Action(models.TextChoices):
        LEAD = "lead", _("Pendamping utama")
        CO_WORKER = "co_worker", _("Pendamping pendukung")
        REMOVED = "removed", _("Dilepas")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("tindakan"), max_length=10, choices=Action.choices)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.user_id}"


class StatusChange(TimeStampedModel):
    """Every transition of a case, with who and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("alasan"), blank=True)
    row_uuid = RowIdentityField()

    class Meta:
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
