"""The monthly statistics report of an area, kept for download (DESIGN §13)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area
from naungan.core.models import PublicModel


class Audience(models.TextChoices):
    """Who a report is made for: supervisors see every number, analysts (and the province)
    small cells hidden. Each audience has its own file."""

    SUPERVISOR = "supervisor", _("Supervisor (tanpa penyembunyian)")
    ANALYST = "analyst", _("Analis (angka kecil disembunyikan)")


class MonthlyReport(PublicModel):
    """One month's PDF for one area and audience. Aggregates only: no case, name or list."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    month = models.PositiveSmallIntegerField(_("bulan"))
    audience = models.CharField(_("untuk"), max_length=12, choices=Audience.choices)
    pdf = models.BinaryField(_("berkas PDF"))
    mapping_version = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["-year", "-month", "area__code"]
        verbose_name = _("laporan bulanan")
        verbose_name_plural = _("laporan bulanan")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "year", "month", "audience"], name="monthly_report_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="monthly_report_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area.code} {self.year}-{self.month:02d} {self.audience}"
