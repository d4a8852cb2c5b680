"""Kemendagri areas of Indonesia: provinsi, kabupaten/kota, kecamatan, desa/kelurahan.

Each row carries the codes of its ancestors (``province_code`` … ``district_code``), so "this
area and everything inside it" is one indexed equality on the column of the area's level,
whatever the database collation."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AreaLevel(models.TextChoices):
    PROVINCE = "province", _("Provinsi")
    REGENCY = "regency", _("Kabupaten/Kota")
    DISTRICT = "district", _("Kecamatan")
    VILLAGE = "village", _("Desa/Kelurahan")


LEVEL_BY_PARTS = {
    1: AreaLevel.PROVINCE,
    2: AreaLevel.REGENCY,
    3: AreaLevel.DISTRICT,
    4: AreaLevel.VILLAGE,
}
SCOPE_COLUMN = {
    AreaLevel.PROVINCE: "province_code",
    AreaLevel.REGENCY: "regency_code",
    AreaLevel.DISTRICT: "district_code",
    AreaLevel.VILLAGE: "code",
}

# Provinces by time zone (Permendagri zones): WIT for Maluku and Papua, WITA for Bali, Nusa
# Tenggara, Kalimantan Selatan/Timur/Utara and Sulawesi; WIB elsewhere.
WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}


def timezone_for_province(code: str) -> str:
    if code[:1] in {"8", "9"}:
        return "Asia/Jayapura"
    if code in WITA_PROVINCES:
        return "Asia/Makassar"
    return "Asia/Jakarta"


class Area(models.Model):
    code = models.CharField(_("kode"), max_length=13, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.CharField(_("tingkat"), max_length=10, choices=AreaLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    province_code = models.CharField(max_length=2, db_index=True)
    regency_code = models.CharField(max_length=5, blank=True, db_index=True)
    district_code = models.CharField(max_length=8, blank=True, db_index=True)
    timezone = models.CharField(_("zona waktu"), max_length=32)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    successor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def zone_label(self) -> str:
        return {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}.get(
            self.timezone, self.timezone
        )

    def contains_q(self, prefix: str = "") -> Q:
        """Q matching rows whose area (reached through ``prefix``) is this area or inside it."""
        column = SCOPE_COLUMN[AreaLevel(self.level)]
        return Q(**{f"{prefix}{column}": self.code})

    def contains(self, other: Area) -> bool:
        column = SCOPE_COLUMN[AreaLevel(self.level)]
        return getattr(other, column) == self.code
