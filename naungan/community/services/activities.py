"""Prevention activities (DESIGN §10 (2)): an activist records a Komsos, a Lautan RT parenting
session, a school or place-of-worship meeting or a radicalism-awareness session held in their
kelurahan. ``activity_validate`` holds the field rules (once, for the API, the sync and the
form); ``activity_create`` the scope and the write (CONTRACT §4 ``POST /api/v1/activities``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from naungan.accounts.roles import ACTIVISTS, user_in
from naungan.areas.models import Area, AreaLevel
from naungan.core.models import AuditAction

from ..exceptions import NotFound
from ..models import Activity, ActivityKind
from ..models.activities import ATTENDANCE_FIELDS
from ._common import activist_group, audit, latest_today, normalize_rt

TOPIC_MAX = 300
PARTNER_MAX = 200
MATERIALS_MAX = 5000
COUNT_MAX = 100_000


@dataclass
class ActivityInput:
    """An activity as typed (API body, sync item or form), in Python types."""

    kind: str = ""
    held_on: dt.date | None = None
    area_code: str = ""
    rt: str | None = None
    rw: str | None = None
    topic: str = ""
    partner: str | None = None
    materials: str | None = None
    # women, men, girls, boys; optionally ``total`` that must equal their sum.
    attendance: dict[str, int | None] = field(default_factory=dict)


def activity_validate(data: ActivityInput) -> dict[str, Any]:
    """The field rules of an activity: a known kind, a date not in the future, an RT/RW
    number, a topic, counts that are whole numbers ≥ 0 and add up to ``total`` when one is
    given. Raise one ValidationError naming each bad field (attendance counts as
    ``attendance.women`` …); return the values to store. The area is the caller's
    business (``activity_create``: 404 outside scope)."""
    errors: dict[str, str] = {}
    v: dict[str, Any] = {}
    if data.kind not in ActivityKind.values:
        errors["kind"] = _("Jenis kegiatan tidak dikenal. Pilihan: %(c)s") % {
            "c": ", ".join(ActivityKind.values)
        }
    v["kind"] = data.kind
    if data.held_on is None:
        errors["held_on"] = _("Wajib diisi.")
    elif data.held_on > latest_today():
        errors["held_on"] = _("Tanggal kegiatan tidak boleh di masa depan.")
    v["held_on"] = data.held_on
    for name in ("rt", "rw"):
        try:
            v[name] = normalize_rt(getattr(data, name), field=name)
        except ValueError as exc:
            errors[name] = str(exc)
    topic = (data.topic or "").strip()
    if not topic:
        errors["topic"] = _("Tuliskan topik kegiatan.")
    elif len(topic) > TOPIC_MAX:
        errors["topic"] = _("Terlalu panjang (paling banyak %(n)d karakter).") % {"n": TOPIC_MAX}
    v["topic"] = topic
    for name, limit in (("partner", PARTNER_MAX), ("materials", MATERIALS_MAX)):
        text = (getattr(data, name) or "").strip()
        if len(text) > limit:
            errors[name] = _("Terlalu panjang (paling banyak %(n)d karakter).") % {"n": limit}
        v[name] = text
    attendance = data.attendance or {}
    unknown = sorted(set(attendance) - set(ATTENDANCE_FIELDS) - {"total"})
    if unknown:
        errors["attendance"] = _("Kelompok peserta tidak dikenal: %(v)s") % {
            "v": ", ".join(unknown)
        }
    total = 0
    for name in ATTENDANCE_FIELDS:
        count = attendance.get(name) or 0
        if isinstance(count, bool) or not isinstance(count, int):
            errors[f"attendance.{name}"] = _("Jumlah harus bilangan bulat.")
            count = 0
        elif count < 0:
            errors[f"attendance.{name}"] = _("Jumlah peserta tidak boleh negatif.")
        elif count > COUNT_MAX:
            errors[f"attendance.{name}"] = _("Jumlah peserta tidak masuk akal.")
        v[name] = count
        total += max(count, 0)
    given_total = attendance.get("total")
    counts_ok = not any(k.startswith("attendance.") for k in errors)
    if given_total is not None and counts_ok and given_total != total:
        errors["attendance.total"] = _(
            "Jumlah total (%(t)s) tidak sama dengan jumlah perempuan, laki-laki, anak "
            "perempuan dan anak laki-laki (%(s)d)."
        ) % {"t": given_total, "s": total}
    if errors:
        raise ValidationError(errors)
    return v


def activity_area(*, actor: Any, area_code: str) -> Area:
    """The kelurahan of an activity: a known village-level area in the activist's scope. A
    code that is unknown, not a kelurahan or outside the activist's scope: NotFound (404)."""
    area = Area.objects.filter(code=(area_code or "").strip()).first()
    if area is None or area.level != AreaLevel.VILLAGE or not actor.in_scope(area):
        raise NotFound
    return area


@transaction.atomic
def activity_create(
    *,
    actor: Any,
    data: ActivityInput,
    request: HttpRequest | None = None,
    values: dict[str, Any] | None = None,
) -> Activity:
    """Record a prevention activity held by an activist in their kelurahan (CONTRACT §4).
    Callers: activists (``ACTIVISTS``); anyone else, and a kelurahan outside the activist's
    scope, get NotFound (404). Bad fields: one ValidationError naming each (422), nothing
    stored. ``values``: the result of ``activity_validate(data)`` when the caller has it."""
    if not user_in(actor, ACTIVISTS):
        raise NotFound
    area = activity_area(actor=actor, area_code=data.area_code)
    v = values if values is not None else activity_validate(data)
    activity = Activity(area=area, group=activist_group(actor), created_by=actor, **v)
    activity.full_clean()
    activity.save()
    audit(actor, AuditAction.CREATE, activity, area.code, request=request)
    return activity
