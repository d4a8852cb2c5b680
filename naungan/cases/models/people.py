"""People on a case (DESIGN §3, §7): the person record with encrypted identity and blind indexes,
its name tokens for fuzzy search, and the person's party role on a case."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.cases.models.cases import Case
from naungan.core.fields import BlindIndexField, EncryptedTextField
from naungan.core.models import PublicModel
from naungan.core.vocabulary import Channel, Sex, Triage, ViolenceType  # noqa: F401 - re-exported


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
        verbose_name = _("token nama orang")
        verbose_name_plural = _("token nama orang")
        constraints = [
            models.UniqueConstraint(fields=["person", "token"], name="person_token_unique")
        ]

    def __str__(self) -> str:
        return self.token[:8]


class CurrentPartyManager(models.Manager["CaseParty"]):
    """The parties of cases as they stand: a party removed as entered by mistake is left out
    (the default manager, so ``case.parties`` and every query through it agree)."""

    def get_queryset(self) -> models.QuerySet[CaseParty]:
        return super().get_queryset().filter(removed_at__isnull=True)


class CaseParty(PublicModel):
    """A person's part in a case. The victim link holds that victim's SIMFONI violence types and
    place; the perpetrator link the relationship (GBVIMS) to the victims. A party entered by
    mistake is removed softly: ``removed_at``, by whom and why are kept, and the row leaves
    ``objects`` (``all_objects`` still has it, for the timeline and the audit)."""

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
    # Who added the party after the case was opened (empty: entered when it was opened).
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    removed_at = models.DateTimeField(_("dihapus"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    removed_reason = EncryptedTextField(_("alasan dihapus"), blank=True)

    objects = CurrentPartyManager()
    all_objects = models.Manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("pihak kasus")
        verbose_name_plural = _("pihak kasus")
        base_manager_name = "all_objects"
        constraints = [
            models.UniqueConstraint(
                fields=["case", "person", "role"],
                condition=Q(removed_at__isnull=True),
                name="case_party_unique_role",
            ),
            models.CheckConstraint(
                condition=Q(removed_at__isnull=True) | ~Q(removed_reason=""),
                name="case_party_removed_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["case", "role"])]

    def __str__(self) -> str:
        return f"{self.role} {self.person_id}"
