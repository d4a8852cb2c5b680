"""The actions for which a unit may require a competency (``CompetencyRequirement.action``).

An app that guards one of its actions adds its code here (one line: code and the words a
person reads) and calls ``naungan.training.services.require_competency(user, code)`` in the
service of that action. A code unknown here cannot be configured (the requirement's
``clean()`` refuses it) and ``require_competency`` refuses to check it (a programming error,
``KeyError``), so that a typo never silently lets everyone through."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

DASH_SIGNOFF = "risk.dash_signoff"
GRANT_DIRECT = "training.grant_direct"

ACTIONS: dict[str, Any] = {
    # Signing off a DASH risk assessment (naungan/risk, DESIGN §8).
    DASH_SIGNOFF: _("Mengesahkan asesmen risiko DASH"),
    # Recording a competency directly, without a training (this app).
    GRANT_DIRECT: _("Mencatat kompetensi secara langsung"),
}


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, _("tindakan lain")))
