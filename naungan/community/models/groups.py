"""PPATBM groups: an organisation of kind ``ppatbm`` per kelurahan (DESIGN §10), its profile
(the RTs of the kelurahan, the contact), its members with their role and the RT/RW they cover
(joined and left: the history stays), and its partners."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.core.models import PublicModel, TimeStampedModel
from naungan.orgs.models import Organisation


class GroupRole(models.TextChoices):
    CHAIR = "chair", _("Ketua")
    SECRETARY = "secretary", _("Sekretaris")
    MEMBER = "member", _("Anggota")


class PartnerKind(models.TextChoices):
    LEGAL_AID = "legal_aid", _("Bantuan hukum (Posbakum Aisyiyah)")
    FAMILY_COUNSELLING = "family_counselling", _("Konsultasi keluarga (Bikksa)")
    POLICE = "police", _("Kepolisian")
    MILITARY = "military", _("TNI")
    HEALTH = "health", _("Puskesmas")
    SCHOOL = "school", _("Sekolah")
    RELIGIOUS_LEADER = "religious_leader", _("Tokoh agama")
    RIRA = "rira", _("Rumah Ibadah Ramah Anak (RIRA)")
    KAMPUS = "kampus", _("Kampung Pustaka (KAMPUS)")
    OTHER = "other", _("Lainnya")


class GroupProfile(TimeStampedModel):
    """What a PPATBM group adds to its organisation: how many RTs its kelurahan has (RT/RW have
    no official code, DESIGN §2, so the group says it) and whom to contact."""

    group = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="ppatbm_profile"
    )
    rt_total = models.PositiveSmallIntegerField(_("jumlah RT di kelurahan"), default=0)
    contact_name = models.CharField(_("nama narahubung"), max_length=120, blank=True)
    contact_phone = models.CharField(_("telepon narahubung"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("profil kelompok PPATBM")
        verbose_name_plural = _("profil kelompok PPATBM")

    def __str__(self) -> str:
        return str(self.group_id)


class Membership(PublicModel):
    """An activist's membership of a group: role, the RW and RTs covered, joined and left.
    A person is a current member of at most one group; a group has at most one current chair
    and one current secretary (database constraints)."""

    group = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("kelompok"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("aktivis"),
    )
    role = models.CharField(
        _("jabatan"), max_length=10, choices=GroupRole.choices, default=GroupRole.MEMBER
    )
    rw = models.CharField(_("RW"), max_length=3, blank=True)
    # Three-digit RT numbers ("005"), as the address writes them.
    rts = models.JSONField(_("RT yang dicakup"), default=list, blank=True)
    joined_on = models.DateField(_("bergabung"))
    left_on = models.DateField(_("keluar"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["group", "left_on", "role", "joined_on"]
        verbose_name = _("keanggotaan PPATBM")
        verbose_name_plural = _("keanggotaan PPATBM")
        indexes = [models.Index(fields=["group", "left_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(left_on__isnull=True),
                name="membership_one_current_group",
            ),
            models.UniqueConstraint(
                fields=["group"],
                condition=Q(left_on__isnull=True, role="chair"),
                name="membership_one_chair",
            ),
            models.UniqueConstraint(
                fields=["group"],
                condition=Q(left_on__isnull=True, role="secretary"),
                name="membership_one_secretary",
            ),
            models.CheckConstraint(condition=Q(role__in=GroupRole.values), name="membership_role"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_left_after_joined",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group_id} {self.user_id} {self.role}"

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class Partner(TimeStampedModel):
    """A partner of a group (Posbakum Aisyiyah, Bikksa, police, TNI, puskesmas, schools, tokoh
    agama, RIRA, KAMPUS …), optionally an organisation of the directory."""

    group = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="ppatbm_partners",
        verbose_name=_("kelompok"),
    )
    kind = models.CharField(_("jenis mitra"), max_length=20, choices=PartnerKind.choices)
    name = models.CharField(_("nama mitra"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisasi di direktori"),
    )
    contact = models.CharField(_("kontak"), max_length=200, blank=True)
    since = models.DateField(_("bermitra sejak"), null=True, blank=True)

    class Meta:
        ordering = ["group", "name"]
        verbose_name = _("mitra kelompok")
        verbose_name_plural = _("mitra kelompok")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=PartnerKind.values), name="partner_kind"),
            models.UniqueConstraint(fields=["group", "name"], name="partner_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name
