"""Micro matters at RT level (Lautan RT, DESIGN §10): an activist may log a neighbourhood
matter as handled locally; violence against a woman or a child is reported to the UPTD PPA as
well (a report with channel ``activist`` is created in the same transaction), and sexual
violence is never settled locally (UU TPKS Pasal 23): it is only reported."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from naungan.accounts.roles import ACTIVISTS, user_in
from naungan.core.models import AuditAction
from naungan.reports.models import ReporterRelation, ReportKind
from naungan.reports.services import ReportInput, report_submit

from ..exceptions import NotFound
from ..models import MicroMatter, MicroMatterOutcome
from ._common import activist_group, audit, latest_today, normalize_rt
from .activities import activity_area


@dataclass
class MatterInput:
    area_code: str
    handled_on: dt.date | None
    summary: str
    rt: str = ""
    rw: str = ""
    handled_locally: bool = True
    violence_against_woman_or_child: bool = False
    sexual_violence: bool = False
    # For the report to the UPTD PPA (when there was violence).
    violence_types: list[str] = field(default_factory=list)
    victim_age: int | None = None
    victim_sex: str | None = None
    victim_consent: bool | None = None


def matter_outcome(data: MatterInput) -> str:
    """Sexual violence: reported only. Other violence against a woman or a child: handled
    locally (if so) and reported. Anything else: handled locally."""
    if data.sexual_violence:
        return MicroMatterOutcome.REPORTED
    if data.violence_against_woman_or_child:
        return (
            MicroMatterOutcome.HANDLED_AND_REPORTED
            if data.handled_locally
            else MicroMatterOutcome.REPORTED
        )
    return MicroMatterOutcome.HANDLED_LOCALLY


@transaction.atomic
def micro_matter_record(
    *, actor: Any, data: MatterInput, request: HttpRequest | None = None
) -> MicroMatter:
    """Log a micro matter of the activist's kelurahan; where there was violence against a
    woman or a child (sexual violence always counts as such), also file the report to the
    UPTD PPA through the report service, so that it lands once in the intake queue."""
    if not user_in(actor, ACTIVISTS):
        raise NotFound
    area = activity_area(actor=actor, area_code=data.area_code)
    errors: dict[str, str] = {}
    summary = (data.summary or "").strip()
    if len(summary) < 10:
        errors["summary"] = _("Ceritakan singkat apa yang terjadi (minimal 10 karakter).")
    if data.handled_on is None:
        errors["handled_on"] = _("Wajib diisi.")
    elif data.handled_on > latest_today():
        errors["handled_on"] = _("Tanggal tidak boleh di masa depan.")
    values: dict[str, str] = {}
    for name in ("rt", "rw"):
        try:
            values[name] = normalize_rt(getattr(data, name), field=name)
        except ValueError as exc:
            errors[name] = str(exc)
    if data.sexual_violence:
        data.violence_against_woman_or_child = True
        if "sexual" not in data.violence_types:
            data.violence_types = [*data.violence_types, "sexual"]
    if errors or data.handled_on is None:
        raise ValidationError(errors)
    report = None
    if data.violence_against_woman_or_child:
        report_in = ReportInput(
            kind=ReportKind.COMPLAINT,
            reporter_relation=ReporterRelation.OTHER,
            anonymous=True,
            victim_age=data.victim_age,
            victim_sex=data.victim_sex or None,
            violence_types=data.violence_types,
            description=summary,
            incident_date=data.handled_on,
            area_code=area.code,
            channel="activist",
            victim_consent=data.victim_consent,
        )
        report = report_submit(actor=actor, data=report_in, request=request).report
    matter = MicroMatter(
        area=area,
        group=activist_group(actor),
        handled_on=data.handled_on,
        summary=summary,
        violence_against_woman_or_child=data.violence_against_woman_or_child,
        sexual_violence=data.sexual_violence,
        outcome=matter_outcome(data),
        report=report,
        created_by=actor,
        **values,
    )
    matter.full_clean()
    matter.save()
    audit(actor, AuditAction.CREATE, matter, area.code, request=request, categories="narrative")
    return matter
