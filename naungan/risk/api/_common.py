"""Looking up the people a risk body names, in the case (unknown → 422 naming the field)."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from naungan.cases.models import Case, PartyRole, Person


def victim_of(case: Case, victim_id: UUID | None) -> Person | None:
    if victim_id is None:
        return None
    link = (
        case.parties.filter(role=PartyRole.VICTIM, person__public_id=victim_id)
        .select_related("person")
        .first()
    )
    if link is None:
        raise ValidationError({"victim": _("Orang ini bukan korban pada kasus ini.")})
    return link.person
