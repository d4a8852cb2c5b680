"""Prevention activities (DESIGN §10 (2)): Komsos, Lautan RT parenting sessions, school and
place-of-worship meetings, radicalism awareness; attendance by sex and adult/child."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.core.models import PublicModel
from naungan.orgs.models import Organisation


class ActivityKind(models.TextChoices):
    KOMSOS = "komsos", _("Komsos (sosialisasi)")
    PARENTING = "parenting", _("Pengasuhan Lautan RT")
    SCHOOL = "school", _("Pertemuan di sekolah")
    WORSHIP = "worship", _("Pertemuan di rumah ibadah")
    RADICALISM_AWARENESS = "radicalism_awareness", _("Sosialisasi pencegahan radikalisme")
    OTHER = "other", _("Lainnya")


ATTENDANCE_FIELDS = ("women", "men", "girls", "boys")


class Activity(PublicModel):
    kind = models.CharField(_("jenis kegiatan"), max_length=24, choices=ActivityKind.choices)
    held_on = models.DateField(_("tanggal"), db_index=True)
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("kelurahan")
    )
    group = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ppatbm_activities",
        verbose_name=_("kelompok"),
    )
    rt = models.CharField(_("RT"), max_length=3, blank=True)
    rw = models.CharField(_("RW"), max_length=3, blank=True)
    topic = models.CharField(_("topik"), max_length=300)
    partner = models.CharField(_("mitra"), max_length=200, blank=True)
    women = models.PositiveIntegerField(_("perempuan dewasa"), default=0)
    men = models.PositiveIntegerField(_("laki-laki dewasa"), default=0)
    girls = models.PositiveIntegerField(_("anak perempuan"), default=0)
    boys = models.PositiveIntegerField(_("anak laki-laki"), default=0)
    materials = models.TextField(_("materi"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("kegiatan pencegahan")
        verbose_name_plural = _("kegiatan pencegahan")
        indexes = [
            models.Index(fields=["area", "held_on"]),
            models.Index(fields=["group", "held_on"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ActivityKind.values), name="activity_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.held_on}"

    @property
    def attendance(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in ATTENDANCE_FIELDS}

    @property
    def attendance_total(self) -> int:
        return sum(self.attendance.values())
