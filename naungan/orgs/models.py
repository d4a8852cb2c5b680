from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.core.fields import EncryptedTextField, RowIdentityField
from naungan.core.models import TimeStampedModel


class OrgKind(models.TextChoices):
    UPTD_PPA = "uptd_ppa", _("UPTD PPA")
    DINAS = "dinas", _("Dinas (DP3AKB / DP3A)")
    PPATBM = "ppatbm", _("Kelompok PPATBM")
    PROVIDER = "provider", _("Mitra layanan")


class ProviderType(models.TextChoices):
    HEALTH = "health", _("Rumah sakit / puskesmas")
    POLICE = "police", _("Kepolisian (Unit PPA)")
    LEGAL_AID = "legal_aid", _("Bantuan hukum (Posbakum, LBH)")
    PSYCHOLOGIST = "psychologist", _("Psikolog")
    LPSK = "lpsk", _("LPSK")
    RELIGIOUS_COURT = "religious_court", _("Pengadilan Agama")
    RELIGIOUS_AFFAIRS = "religious_affairs", _("Kementerian Agama")
    SHELTER = "shelter", _("Rumah aman")
    FAMILY_COUNSELLING = "family_counselling", _("Konsultasi keluarga (Bikksa)")
    SOCIAL_AFFAIRS = "social_affairs", _("Dinas Sosial")
    SCHOOL = "school", _("Sekolah")
    PROSECUTOR = "prosecutor", _("Kejaksaan")
    COURT = "court", _("Pengadilan Negeri")
    NATIONAL = "national", _("SAPA 129")
    OTHER = "other", _("Lainnya")


class EligibilityDocument(models.TextChoices):
    """Documents a provider may ask for (any one of its list is enough)."""

    SKTM = "sktm", _("SKTM (Surat Keterangan Tidak Mampu)")
    PKH = "pkh", _("Kartu PKH")
    KIS = "kis", _("Kartu Indonesia Sehat / BPJS PBI")
    KTP = "ktp", _("KTP")
    KK = "kk", _("Kartu Keluarga")


class ServiceType(models.TextChoices):
    """The six UPTD PPA services and the referral service types (CONTRACT §5)."""

    COMPLAINT = "complaint", _("Pengaduan")
    OUTREACH = "outreach", _("Penjangkauan")
    CASE_MANAGEMENT = "case_management", _("Pengelolaan kasus")
    SHELTER = "shelter", _("Penampungan sementara")
    MEDIATION = "mediation", _("Mediasi")
    ACCOMPANIMENT = "accompaniment", _("Pendampingan")
    HEALTH = "health", _("Kesehatan")
    PSYCHOSOCIAL = "psychosocial", _("Psikososial")
    LEGAL_AID = "legal_aid", _("Bantuan hukum")
    LAW_ENFORCEMENT = "law_enforcement", _("Penegakan hukum")
    REHABILITATION = "rehabilitation", _("Rehabilitasi sosial")
    REINTEGRATION = "reintegration", _("Reintegrasi sosial")
    RELIGIOUS = "religious", _("Pendampingan tokoh agama")
    REPATRIATION = "repatriation", _("Pemulangan")
    FAMILY_COUNSELLING = "family_counselling", _("Konseling keluarga")


class Organisation(TimeStampedModel):
    slug = models.SlugField(_("kode singkat"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=OrgKind.choices, db_index=True)
    provider_type = models.CharField(
        _("jenis mitra"), max_length=30, choices=ProviderType.choices, blank=True
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("wilayah")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("induk"),
    )
    services = models.JSONField(_("layanan"), default=list, blank=True)
    coverage = models.ManyToManyField(
        Area, blank=True, related_name="covering_organisations", verbose_name=_("wilayah layanan")
    )
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    confidential_address = EncryptedTextField(_("alamat rahasia"), blank=True)
    row_uuid = RowIdentityField()
    hours = models.CharField(_("jam layanan"), max_length=200, blank=True)
    eligibility = models.TextField(_("syarat layanan"), blank=True)
    # Documents of which the client needs at least one (Posbakum legal aid: an SKTM or a PKH
    # card, DESIGN §9); a referral without any of them is a warning, never a refusal.
    eligibility_documents = models.JSONField(
        _("dokumen syarat (salah satu)"), default=list, blank=True
    )
    capacity = models.PositiveIntegerField(_("kapasitas tempat tidur"), null=True, blank=True)
    # What the directory says about capacity in words (a psychologist's waiting list, a
    # shelter's criteria); beds stay in ``capacity``, which the occupancy counts.
    capacity_notes = models.TextField(_("catatan kapasitas"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisasi")
        verbose_name_plural = _("organisasi")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="provider") | ~models.Q(provider_type=""),
                name="org_provider_has_type",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        unknown = [s for s in self.services or [] if s not in ServiceType.values]
        if unknown:
            errors["services"] = _("Layanan tidak dikenal: %(v)s") % {"v": ", ".join(unknown)}
        docs = [d for d in self.eligibility_documents or [] if d not in EligibilityDocument.values]
        if docs:
            errors["eligibility_documents"] = _("Dokumen syarat tidak dikenal: %(v)s") % {
                "v": ", ".join(docs)
            }
        if errors:
            raise ValidationError(errors)
