"""Incidents of a case."""

from __future__ import annotations

from uuid import UUID

from django.shortcuts import get_object_or_404

from naungan.cases.models import Case, Incident


def case_incident_get(*, case: Case, incident_id: UUID | str) -> Incident:
    """An incident of ``case`` (already scoped by the case lookup); 404 for a missing one and
    for another case's."""
    return get_object_or_404(case.incidents.select_related("survivor"), public_id=incident_id)


def case_incidents(*, case: Case, include_withdrawn: bool = False) -> list[Incident]:
    """The incidents of ``case`` in their order (the prefetch of ``case_detail`` when there is
    one). Withdrawn incidents are left out unless asked for: they are not counted, printed or
    read by a rule; the case page shows them struck to the case's writers only."""
    return [i for i in case.incidents.all() if include_withdrawn or not i.withdrawn]
