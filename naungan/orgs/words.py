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


@lru_cache(maxsize=256)
def _children_count(parent_id: int) -> int:
    return Area.objects.filter(parent_id=parent_id).count()


def _all_of(parent: Area, level: str) -> str:
    if level == AreaLevel.REGENCY:
        return _("seluruh kabupaten/kota di %(area)s") % {"area": area_text(parent)}
    if level == AreaLevel.DISTRICT:
        return _("seluruh kecamatan di %(area)s") % {"area": area_text(parent)}
    return _("seluruh kelurahan/desa di %(area)s") % {"area": area_text(parent)}


def coverage_text(areas: Iterable[Area]) -> str:
    """The areas an organisation serves, in words: every province → "Seluruh Indonesia";
    every kecamatan of a kota → "Seluruh kecamatan di Kota Balikpapan" (the same for the
    kota of a province and the kelurahan of a kecamatan); else the areas' names."""
    areas = sorted(areas, key=lambda a: a.code)
    provinces = [a for a in areas if a.level == AreaLevel.PROVINCE]
    if provinces and len(provinces) >= _province_count():
        return _("Seluruh Indonesia")
    siblings: dict[int, list[Area]] = {}
    for a in areas:
        if a.parent_id:
            siblings.setdefault(a.parent_id, []).append(a)
    whole = {
        pid: kids
        for pid, kids in siblings.items()
        if len(kids) > 1 and len(kids) == _children_count(pid)
    }
    parents = {a.pk: a for a in Area.objects.filter(pk__in=whole)} if whole else {}
    parts: list[str] = []
    done: set[int] = set()
    for a in areas:
        if a.parent_id in whole:
            if a.parent_id not in done:
                done.add(a.parent_id)
                parts.append(_all_of(parents[a.parent_id], a.level))
        else:
            parts.append(area_text(a))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


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
