"""The case summary PDF for the file or a court, rendered by WeasyPrint.

Every page carries a watermark naming who printed it and when (in the case area's zone); the
print is audited. The summary leaves out addresses entirely, so a shelter address can never
appear in it (DESIGN §6.4), and leaves out NIK and phone numbers (minimisation, DESIGN §12)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.cases import selectors
from naungan.cases.models import Case, PartyRole
from naungan.core.audit import audit_record
from naungan.core.models import AuditAction
from naungan.core.words import local_datetime, person_name

PDF_CSS = """
@page { size: A4; margin: 18mm 16mm 22mm 16mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #111; }
h1 { font-size: 15pt; margin: 0 0 4mm 0; }
h2 { font-size: 11.5pt; margin: 6mm 0 2mm 0; border-bottom: 0.4pt solid #555; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.3pt solid #999; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
dl { margin: 0; } dt { font-weight: bold; float: left; width: 42mm; } dd { margin: 0 0 1mm 44mm; }
.watermark { position: fixed; top: 110mm; left: -10mm; width: 200mm; text-align: center;
  transform: rotate(-35deg); font-size: 20pt; color: rgba(160, 0, 0, 0.16); }
.printed { position: fixed; bottom: -14mm; left: 0; right: 0; font-size: 7.5pt; color: #700;
  text-align: center; }
.muted { color: #555; }
"""


def watermark_text(*, actor: User, case: Case, at: datetime) -> str:
    # The username beside the name on purpose: the print names the account that made it.
    return _("Dicetak oleh %(who)s (%(username)s) pada %(at)s %(zone)s — RAHASIA") % {
        "who": person_name(actor),
        "username": actor.get_username(),
        "at": local_datetime(at, case.area.timezone),
        "zone": case.area.zone_label,
    }


def summary_context(*, actor: User, case: Case, at: datetime) -> dict[str, Any]:
    detail = selectors.case_detail(user=actor, case_id=case.public_id)
    parties = list(detail.parties.all())
    plans = list(selectors.case_plans(case=detail))
    return {
        "case": detail,
        "zone": detail.area.timezone,
        "victims": [p for p in parties if p.role == PartyRole.VICTIM],
        "others": [p for p in parties if p.role != PartyRole.VICTIM],
        "incidents": selectors.case_incidents(case=detail),  # withdrawn ones are not printed
        "tasks": list(detail.tasks.all()),
        "status_changes": list(
            detail.status_changes.select_related("actor").order_by("created_at")
        ),
        "plan": selectors.plan_current(plans) or (plans[0] if plans else None),
        "monitoring": list(selectors.case_monitoring(case=detail)[:12]),
        "watermark": watermark_text(actor=actor, case=detail, at=at),
        "printed_at": at,
    }


def summary_html(*, actor: User, case: Case, at: datetime) -> str:
    return render_to_string(
        "cases/summary_pdf.html", summary_context(actor=actor, case=case, at=at)
    )


def render_pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML  # heavy import, only when printing

    pdf: bytes = HTML(string=html).write_pdf(stylesheets=[CSS(string=PDF_CSS)])
    return pdf


@transaction.atomic
def case_summary_print(*, actor: User, case: Case, request: HttpRequest | None = None) -> bytes:
    """Print a case summary. The caller must have obtained ``case`` from ``case_get`` for the
    actor (everyone who sees the case may print it); the print is audited as ``print``."""
    at = timezone.now()
    pdf = render_pdf(summary_html(actor=actor, case=case, at=at))
    audit_record(
        actor=actor,
        action=AuditAction.PRINT,
        obj=case,
        area_code=case.area.code,
        categories="identity,narrative",
        reason="case summary pdf",
        request=request,
    )
    return pdf


def summary_filename(case: Case) -> str:
    """The download name of a case's summary (no slashes or dots of the registration number)."""
    return "ringkasan-" + case.registration_number.replace("/", "-").replace(".", "") + ".pdf"
