"""How the audit log names case records (``core.registry.register_audit_kind``): a case by its
registration number, a record of a case (incident, task, plan …) by its kind and the case's
number, linked to the case page only for a reader who may open that case
(``cases_visible_to``).

The registration number is audit metadata (DESIGN §11): an administrator, who has no case
content, sees the number but no link, never a name or a narrative. Each call looks up a whole
page of ids of one type in at most two queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from naungan.cases.models import (
    Case,
    CaseDocument,
    CaseParty,
    CaseTransfer,
    ClosureRequest,
    Incident,
    InterventionPlan,
    MonitoringEntry,
    Note,
    Task,
)
from naungan.core.registry import AuditTarget
from naungan.core.selectors import audit_uuid_ids

from .cases import cases_visible_to

# Records that belong to one case (a ``case`` foreign key and a ``public_id``), by audit type.
CHILD_KINDS: dict[str, tuple[type[Model], Any]] = {
    "cases.incident": (Incident, gettext_lazy("Insiden")),
    "cases.task": (Task, gettext_lazy("Tugas")),
    "cases.note": (Note, gettext_lazy("Catatan")),
    "cases.closurerequest": (ClosureRequest, gettext_lazy("Permintaan penutupan")),
    "cases.interventionplan": (InterventionPlan, gettext_lazy("Rencana intervensi")),
    "cases.monitoringentry": (MonitoringEntry, gettext_lazy("Catatan pemantauan")),
    "cases.casedocument": (CaseDocument, gettext_lazy("Dokumen")),
    "cases.casetransfer": (CaseTransfer, gettext_lazy("Pelimpahan")),
    "cases.caseparty": (CaseParty, gettext_lazy("Pihak kasus")),
}
# What a label needs of a child record and its case (never an encrypted field: no decryption).
_CHILD_FIELDS = ("public_id", "case__id", "case__public_id", "case__registration_number")
# ``object_id`` values that name an action on many cases rather than one case.
LIST_IDS = {"list": gettext_lazy("Daftar kasus"), "export": gettext_lazy("Ekspor daftar kasus")}
AUDIT_TYPES = ("cases.case", "cases.notification", "cases.savedfilter", *CHILD_KINDS)
# A search names at most this many cases (their events and their records' events).
SEARCH_MAX_CASES = 20


def _case_targets(reader: Any, cases: dict[str, Case]) -> dict[str, AuditTarget]:
    """``{public_id: target}`` for these cases: the number, linked if ``reader`` sees it."""
    visible = set(
        cases_visible_to(reader)
        .filter(pk__in=[c.pk for c in cases.values()])
        .values_list("pk", flat=True)
    )
    return {
        key: AuditTarget(
            label=_("Kasus %(number)s") % {"number": case.registration_number},
            url=reverse("cases:detail", args=[case.public_id]) if case.pk in visible else "",
        )
        for key, case in cases.items()
    }


def audit_describe(reader: Any, object_type: str, object_ids: list[str]) -> dict[str, AuditTarget]:
    out = {i: AuditTarget(label=str(LIST_IDS[i])) for i in object_ids if i in LIST_IDS}
    uuids = audit_uuid_ids(object_ids)
    if object_type == "cases.savedfilter":
        out.update({i: AuditTarget(label=_("Saringan tersimpan")) for i in object_ids})
        return out
    if not uuids:
        return out
    if object_type == "cases.case":
        cases = Case.objects.filter(public_id__in=uuids).only(
            "pk", "public_id", "registration_number"
        )
        out.update(_case_targets(reader, {str(c.public_id): c for c in cases}))
        return out
    if object_type == "cases.notification":
        # A notice is recorded under its task's id or, without a task, its case's id.
        tasks = {
            str(t.public_id): t.case
            for t in Task.objects.filter(public_id__in=uuids)
            .select_related("case")
            .only(*_CHILD_FIELDS)
        }
        notice_cases = {
            str(c.public_id): c
            for c in Case.objects.filter(public_id__in=[i for i in uuids if i not in tasks]).only(
                "pk", "public_id", "registration_number"
            )
        }
        for key, target in _case_targets(reader, {**tasks, **notice_cases}).items():
            out[key] = AuditTarget(
                label=_("Pemberitahuan · %(record)s") % {"record": target.label}, url=target.url
            )
        return out
    model, kind = CHILD_KINDS[object_type]
    children = {
        str(child.public_id): child.case  # type: ignore[attr-defined]
        for child in model._default_manager.filter(public_id__in=uuids)
        .select_related("case")
        .only(*_CHILD_FIELDS)
    }
    for key, target in _case_targets(reader, children).items():
        out[key] = AuditTarget(
            label=_("%(kind)s · %(record)s") % {"kind": kind, "record": target.label},
            url=target.url,
        )
    return out


def audit_search(reader: Any, text: str) -> Q:
    """Events of the cases whose registration number contains ``text``, and of their
    records. Which events the reader sees at all is still ``audit_events_visible_to``."""
    cases = list(
        Case.objects.filter(registration_number__icontains=text).values_list("pk", "public_id")[
            :SEARCH_MAX_CASES
        ]
    )
    if not cases:
        return Q(pk__in=[])
    case_ids = [str(public_id) for _pk, public_id in cases]
    q = Q(object_type="cases.case", object_id__in=case_ids)
    case_pks = [pk for pk, _public_id in cases]
    for object_type, (model, _kind) in CHILD_KINDS.items():
        ids = [
            str(i)
            for i in model._default_manager.filter(case_id__in=case_pks).values_list(
                "public_id", flat=True
            )
        ]
        q |= Q(object_type=object_type, object_id__in=ids)
        if object_type == "cases.task":
            # Notices are recorded under their task's id, or their case's.
            q |= Q(object_type="cases.notification", object_id__in=[*ids, *case_ids])
    return q
