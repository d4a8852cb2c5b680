"""How the audit log names risk records (``core.registry.register_audit_kind``): an
assessment by its instrument and the case's registration number ("Asesmen risiko DASH · Kasus
…", a judgement on a past result "Penilaian profesional · …"), a conference by its date and
its cases, a safety plan by its version and case, an instrument version by its key and number.
A link only for a reader who may open the case (``cases_visible_to``); never a score, a level
or an encrypted field (audit metadata, DESIGN §11). One page of ids of one type costs at most
three queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from naungan.cases.models import Case
from naungan.cases.selectors import cases_visible_to
from naungan.core.registry import AuditTarget
from naungan.core.selectors import audit_uuid_ids

from ..models import Conference, InstrumentVersion, RiskAssessment, SafetyPlan
from ..models.instruments import OrganisationBands

AUDIT_TYPES = (
    "risk.riskassessment",
    "risk.conference",
    "risk.safetyplan",
    "risk.instrumentversion",
    "risk.organisationbands",
)
# A search names at most this many cases (their risk records' events).
SEARCH_MAX_CASES = 20
INSTRUMENT_NAMES = {"dash": "DASH", "da": "Danger Assessment", "triage": "triase"}


def _visible(reader: Any, case_ids: set[int]) -> set[int]:
    if not case_ids:
        return set()
    return set(cases_visible_to(reader).filter(pk__in=case_ids).values_list("pk", flat=True))


def _assessments(reader: Any, ids: list[str]) -> dict[str, AuditTarget]:
    rows = list(
        RiskAssessment.objects.filter(public_id__in=ids)
        .select_related("case")
        .only(
            "public_id",
            "instrument",
            "revises_id",
            "case__id",
            "case__public_id",
            "case__registration_number",
        )
    )
    visible = _visible(reader, {a.case_id for a in rows})
    out = {}
    for a in rows:
        case = _("Kasus %(number)s") % {"number": a.case.registration_number}
        name = INSTRUMENT_NAMES.get(a.instrument, a.instrument)
        if a.revises_id:
            label = _("Penilaian profesional (%(instrument)s) · %(case)s") % {
                "instrument": name,
                "case": case,
            }
        else:
            label = _("Asesmen risiko %(instrument)s · %(case)s") % {
                "instrument": name,
                "case": case,
            }
        url = ""
        if a.case_id in visible:
            url = reverse("risk:result", args=[a.case.public_id, a.public_id])
        out[str(a.public_id)] = AuditTarget(label=label, url=url)
    return out


def _safety_plans(reader: Any, ids: list[str]) -> dict[str, AuditTarget]:
    rows = list(
        SafetyPlan.objects.filter(public_id__in=ids)
        .select_related("case")
        .only("public_id", "number", "case__id", "case__public_id", "case__registration_number")
    )
    visible = _visible(reader, {p.case_id for p in rows})
    return {
        str(p.public_id): AuditTarget(
            label=_("Rencana keselamatan versi %(n)s · Kasus %(number)s")
            % {"n": p.number, "number": p.case.registration_number},
            url=reverse("risk:safety_plans", args=[p.case.public_id])
            if p.case_id in visible
            else "",
        )
        for p in rows
    }


def _conferences(reader: Any, ids: list[str]) -> dict[str, AuditTarget]:
    rows = list(
        Conference.objects.filter(public_id__in=ids)
        .only("public_id", "held_on")
        .prefetch_related("cases")
    )
    visible = _visible(reader, {c.pk for conf in rows for c in conf.cases.all()})
    out = {}
    for conf in rows:
        cases = sorted(conf.cases.all(), key=lambda c: c.registration_number)
        seen = [c for c in cases if c.pk in visible]
        label = _("Rapat koordinasi %(date)s") % {"date": formats.date_format(conf.held_on)}
        if seen:
            # The cases discussed are named only to a reader who sees them.
            label += " · " + ", ".join(
                _("Kasus %(number)s") % {"number": c.registration_number} for c in seen
            )
        url = reverse("risk:conference", args=[seen[0].public_id, conf.public_id]) if seen else ""
        out[str(conf.public_id)] = AuditTarget(label=label, url=url)
    return out


def audit_describe(reader: Any, object_type: str, object_ids: list[str]) -> dict[str, AuditTarget]:
    if object_type == "risk.instrumentversion":
        pks = [int(i) for i in object_ids if i.isdigit()]
        return {
            str(v.pk): AuditTarget(
                label=_("Instrumen %(name)s versi %(n)s")
                % {"name": INSTRUMENT_NAMES.get(v.instrument.key, v.instrument.key), "n": v.number}
            )
            for v in InstrumentVersion.objects.filter(pk__in=pks).select_related("instrument")
        }
    if object_type == "risk.organisationbands":
        pks = [int(i) for i in object_ids if i.isdigit()]
        return {
            str(b.pk): AuditTarget(
                label=_("Batas tingkat %(name)s · %(org)s")
                % {
                    "name": INSTRUMENT_NAMES.get(b.instrument.key, b.instrument.key),
                    "org": b.organisation.name,
                }
            )
            for b in OrganisationBands.objects.filter(pk__in=pks).select_related(
                "instrument", "organisation"
            )
        }
    ids = audit_uuid_ids(object_ids)
    if not ids:
        return {}
    if object_type == "risk.riskassessment":
        return _assessments(reader, ids)
    if object_type == "risk.safetyplan":
        return _safety_plans(reader, ids)
    return _conferences(reader, ids)


def audit_search(reader: Any, text: str) -> Q:
    """Events of the risk records of the cases whose registration number contains ``text``.
    Which events the reader sees at all is still ``audit_events_visible_to``."""
    case_pks = list(
        Case.objects.filter(registration_number__icontains=text).values_list("pk", flat=True)[
            :SEARCH_MAX_CASES
        ]
    )
    if not case_pks:
        return Q(pk__in=[])

    def ids(qs: Any) -> list[str]:
        return [str(i) for i in qs.values_list("public_id", flat=True)]

    return (
        Q(
            object_type="risk.riskassessment",
            object_id__in=ids(RiskAssessment.objects.filter(case_id__in=case_pks)),
        )
        | Q(
            object_type="risk.safetyplan",
            object_id__in=ids(SafetyPlan.objects.filter(case_id__in=case_pks)),
        )
        | Q(
            object_type="risk.conference",
            object_id__in=ids(Conference.objects.filter(cases__in=case_pks).distinct()),
        )
    )
