"""Incidents of violence on a case, classified as GBVIMS and UU TPKS ask (DESIGN §7)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.cases.models.cases import Case
from naungan.cases.models.people import Person, Place, Relationship
from naungan.core.fields import EncryptedTextField
from naungan.core.models import PublicModel
from naungan.core.vocabulary import Channel, Sex, Triage, ViolenceType  # noqa: F401 - re-exported


class GbvType(models.TextChoices):
    RAPE = "rape", _("Perkosaan")
    SEXUAL_ASSAULT = "sexual_assault", _("Kekerasan seksual (kontak)")
    PHYSICAL_ASSAULT = "physical_assault", _("Kekerasan fisik")
    FORCED_MARRIAGE = "forced_marriage", _("Perkawinan paksa")
    DENIAL_OF_RESOURCES = "denial_of_resources", _("Penolakan sumber daya")
    PSYCHOLOGICAL_ABUSE = "psychological_abuse", _("Kekerasan psikis")
    NON_GBV = "non_gbv", _("Bukan KBG")


class ContextFlag(models.TextChoices):
    """The context flags ``classification.context_flags`` derives (GBVIMS), as people read them."""

    IPV = "IPV", _("Kekerasan oleh pasangan intim")
    CSA = "CSA", _("Kekerasan seksual terhadap anak")
    EARLY = "EARLY", _("Perkawinan anak")
    EXPL = "EXPL", _("Eksploitasi seksual")
    SLAV = "SLAV", _("Perbudakan seksual")
    HTP = "HTP", _("Praktik tradisional berbahaya")


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


class IncidentQuerySet(models.QuerySet["Incident"]):
    def active(self) -> IncidentQuerySet:
        """Incidents not withdrawn: the ones counted, printed and read by the case's rules."""
        return self.filter(withdrawn_at__isnull=True)


class Incident(PublicModel):
    """One incident with exactly one survivor (GBVIMS). The type and flags are computed by
    ``classification`` from the stored answers, never typed in. A wrong incident is withdrawn
    with a reason, never deleted: it stays in the record (struck for the case's writers) but is
    not counted, printed or used by a rule."""

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
    withdrawn_at = models.DateTimeField(_("ditarik pada"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ditarik oleh"),
    )
    withdrawn_reason = EncryptedTextField(_("alasan penarikan"), blank=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["occurred_on", "id"]
        verbose_name = _("insiden")
        verbose_name_plural = _("insiden")
        constraints = [
            models.CheckConstraint(condition=Q(gbv_type__in=GbvType.values), name="incident_gbv"),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdrawn_reason=""),
                name="incident_withdrawn_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gbv_type} {self.occurred_on}"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def sexual(self) -> bool:
        """Rape, sexual assault or a UU TPKS category: what starts the police-report clock
        (UU TPKS Pasal 41) and bars mediation (Pasal 23)."""
        return self.gbv_type in (GbvType.RAPE, GbvType.SEXUAL_ASSAULT) or bool(self.tpks_type)
