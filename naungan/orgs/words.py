"""The directory's words: areas, services, documents and nearness as a person reads them
(never a code; ``core/words.py`` for the shared helpers)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from django.utils.translation import gettext as _

from naungan.areas.models import Area, AreaLevel
from naungan.core.words import labels

from .models import EligibilityDocument, ServiceType


def area_text(area: Area) -> str:
    """ "Provinsi Kalimantan Timur", "Kota Balikpapan", "Kecamatan Balikpapan Timur",
    "Kelurahan Manggar" (a Kemendagri village code 1xxx is a kelurahan, 2xxx a desa)."""
    if area.level == AreaLevel.PROVINCE:
        return _("Provinsi %(name)s") % {"name": area.name}
    if area.level == AreaLevel.DISTRICT:
        return _("Kecamatan %(name)s") % {"name": area.name}
    if area.level == AreaLevel.VILLAGE:
        if area.code.rsplit(".", 1)[-1].startswith("1"):
            return _("Kelurahan %(name)s") % {"name": area.name}
        return _("Desa %(name)s") % {"name": area.name}
    return area.name  # "Kota Balikpapan", "Kabupaten Kotawaringin Barat"


@lru_cache(maxsize=1)
def _province_count() -> int:
    return Area.objects.filter(level=AreaLevel.PROVINCE).count()


def coverage_text(areas: Iterable[Area]) -> str:
    """The areas an organisation serves, in words; every province → "Seluruh Indonesia"."""
    areas = sorted(areas, key=lambda a: a.code)
    provinces = [a for a in areas if a.level == AreaLevel.PROVINCE]
    if provinces and len(provinces) >= _province_count():
        return _("Seluruh Indonesia")
    return ", ".join(area_text(a) for a in areas)


def services_text(values: Iterable[str] | None) -> str:
    return labels(values, ServiceType)


def documents_text(values: Iterable[str] | None) -> str:
    """``["sktm", "pkh"]`` → "SKTM (Surat Keterangan Tidak Mampu) atau Kartu PKH": any one of
    them suffices."""
    known = dict(EligibilityDocument.choices)
    return f" {_('atau')} ".join(str(known.get(v, v)) for v in values or [])


def nearness_texts(area: Area) -> dict[int, str]:
    """What each ``selectors.Nearness`` means for a search in ``area``, in words:
    {0: "Melayani Kecamatan Balikpapan Timur", 1: "Melayani Kota Balikpapan", …}."""
    codes = [area.district_code, area.regency_code, area.province_code]
    names = {a.code: a for a in Area.objects.filter(code__in=[c for c in codes if c])}
    out = {3: _("Layanan nasional")}
    for rank, code in enumerate(codes):
        if code in names:
            out[rank] = _("Melayani %(area)s") % {"area": area_text(names[code])}
    return out
