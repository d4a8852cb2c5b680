"""The competency check of guarded actions (DESIGN §10: "units may require a competency for
an action").

How another app calls it, inside the service of its action, before it writes anything::

    from naungan.training.actions import DASH_SIGNOFF
    from naungan.training.services import require_competency

    require_competency(actor, DASH_SIGNOFF)          # raises CompetencyRequired (403)

The requirements are data (``CompetencyRequirement``: organisation × action × competency),
set by the administrator in the admin console; an action without a requirement in the user's
unit is allowed to everyone the action's own rules allow."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..actions import ACTIONS
from ..exceptions import CompetencyRequired
from ..models import Competency, CompetencyGrant, CompetencyRequirement


def _unit_ids(user: Any) -> list[int]:
    """The user's organisation and the organisations above it (a dinas's requirement applies
    to its UPTD PPA)."""
    ids: list[int] = []
    org = getattr(user, "organisation", None)
    while org is not None and org.pk not in ids:
        ids.append(org.pk)
        org = org.parent
    return ids


def required_competencies(user: Any, action: str) -> list[str]:
    """The competencies the user's unit requires for ``action`` (codes, sorted)."""
    if action not in ACTIONS:
        raise KeyError(f"unknown guarded action {action!r}: add it to naungan/training/actions.py")
    return sorted(
        set(
            CompetencyRequirement.objects.filter(
                organisation_id__in=_unit_ids(user), action=action
            ).values_list("competency", flat=True)
        )
    )


def require_competency(user: Any, action: str, *, on: date | None = None) -> None:
    """Refuse ``action`` unless ``user`` holds, on ``on`` (default today, in the server's
    zone), every competency their unit requires for it: a grant with ``granted_on <= on`` and
    no expiry or ``expires_on >= on``. Raises ``CompetencyRequired`` (403) whose message names
    the first missing competency in the user's language, and says when it expired if the
    person held it before. Returns None when the action is allowed. Callers: the service of
    any guarded action (``training.actions``), before writing."""
    today = on or timezone.localdate()
    for code in required_competencies(user, action):
        grants = list(
            CompetencyGrant.objects.filter(user=user, competency=code, granted_on__lte=today)
        )
        if any(g.expires_on is None or g.expires_on >= today for g in grants):
            continue
        label = Competency(code).label
        expired = max((g.expires_on for g in grants if g.expires_on), default=None)
        if expired is not None:
            message = _(
                "Kompetensi «%(competency)s» Anda sudah berakhir pada %(date)s. Tindakan "
                "«%(action)s» memerlukan kompetensi yang masih berlaku: ikuti pelatihan "
                "penyegaran atau minta supervisor mencatat kompetensi yang baru."
            ) % {
                "competency": label,
                "date": date_format(expired),
                "action": ACTIONS[action],
            }
        else:
            message = _(
                "Tindakan «%(action)s» memerlukan kompetensi «%(competency)s», yang belum "
                "Anda miliki. Ikuti pelatihannya atau minta supervisor mencatat kompetensi Anda."
            ) % {"competency": label, "action": ACTIONS[action]}
        raise CompetencyRequired(
            message,
            competency=code,
            action=action,
            expired_on=expired.isoformat() if expired else None,
        )
