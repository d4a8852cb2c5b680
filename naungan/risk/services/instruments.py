"""New instrument versions and a unit's own bands: administrators' writes (the Django admin or
``manage.py risk_instrument_add``). A version is never edited in place (DESIGN §8)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.orgs.models import Organisation

from ..models import Instrument, InstrumentVersion, OrganisationBands
from ..models.assessments import Level


def _questions(raw: list[Any]) -> list[dict[str, str]]:
    """``[[id, en], …]`` or ``[{"id", "en"}, …]`` as ``[{"key": "q1", "id", "en"}, …]``."""
    out = []
    for i, q in enumerate(raw, start=1):
        if isinstance(q, dict):
            out.append(
                {"key": q.get("key") or f"q{i}", "id": q.get("id", ""), "en": q.get("en", "")}
            )
        else:
            text_id, text_en = q
            out.append({"key": f"q{i}", "id": text_id, "en": text_en})
    return out


@transaction.atomic
def instrument_version_add(*, actor: Any, key: str, spec: dict[str, Any]) -> InstrumentVersion:
    """Add the next version of instrument ``key`` (creating the instrument the first time)
    from ``spec`` (the shape of ``data/instruments_v1.json``). Past versions stay untouched, so
    every past assessment keeps the questions and bands it was scored with."""
    instrument, _created = Instrument.objects.get_or_create(
        key=key,
        defaults={"name_id": spec.get("name_id", key), "name_en": spec.get("name_en", key)},
    )
    last = instrument.versions.aggregate(n=Max("number"))["n"] or 0
    version = InstrumentVersion(
        instrument=instrument,
        number=last + 1,
        rule=spec.get("rule", "count_yes"),
        questions=_questions(spec["questions"]),
        options=["yes", "no", "dont_know"],
        bands=spec.get("bands", []),
        high_threshold=spec.get("high_threshold"),
        emergency_keys=spec.get("emergency_keys", []),
        weights=spec.get("weights"),
        notes_id=spec.get("notes_id", ""),
        notes_en=spec.get("notes_en", ""),
    )
    version.full_clean()
    version.save()
    audit_record(actor=actor, action=AuditAction.ADMIN, obj=version, categories="risk")
    return version


@transaction.atomic
def instrument_bands_set(
    *, actor: Any, organisation: Organisation, instrument: Instrument, medium_from: int
) -> OrganisationBands:
    """A unit's own lowest score of the medium band (the two lower DASH bands are a local
    default); it must stay below the published high threshold. New assessments use it; past
    ones keep the bands they copied."""
    version = instrument.current_version()
    high = next((int(m) for lvl, m in version.bands if lvl == Level.HIGH), None)
    if high is None:
        raise ValidationError({"instrument": _("Instrumen ini tidak memiliki tingkat.")})
    if not 1 <= medium_from < high:
        raise ValidationError(
            {"medium_from": _("Batas sedang harus antara 1 dan %(high)s.") % {"high": high - 1}}
        )
    bands, _created = OrganisationBands.objects.update_or_create(
        organisation=organisation, instrument=instrument, defaults={"medium_from": medium_from}
    )
    audit_record(actor=actor, action=AuditAction.ADMIN, obj=bands, categories="risk")
    return bands
