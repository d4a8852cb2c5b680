"""The referral letter (DESIGN §9): a server-made PDF with the reference number and the
consented categories only, the recipient and the date as a watermark on every page, never a
shelter address; printable for a partner without an account. Rendered by WeasyPrint as the
case summary is (``cases.services.summary.render_pdf``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.cases.services.summary import render_pdf
from naungan.core.models import AuditAction
from naungan.core.words import local_datetime, person_name

from ..exceptions import ConsentWithdrawn, ReferralNotFound
from ..models import DataCategory, Referral, ReferralServiceType, SharingChannel
from ..selectors.packets import referral_packet, referral_shares
from ..selectors.referrals import referral_is_addressed_to, referral_is_writable
from ._common import audit
from .sharing import sharing_record


def letter_watermark(*, referral: Referral, at: datetime) -> str:
    """The recipient and the date, on every page: a copy that travels names whom it was for."""
    case = referral.case
    return _("Untuk %(org)s — %(at)s %(zone)s — RAHASIA") % {
        "org": referral.organisation.name,
        "at": local_datetime(at, case.area.timezone),
        "zone": case.area.zone_label,
    }


def letter_context(*, actor: User, referral: Referral, at: datetime) -> dict[str, Any]:
    packet = referral_packet(referral=referral, user=actor)
    case = referral.case
    return {
        "referral": referral,
        "case": case,
        "zone": case.area.timezone,
        "service_label": ReferralServiceType(referral.service_type).label,
        "packet": packet,
        # The services with their times as datetimes, shown in the one date format.
        "services": [
            s | {"started_at": datetime.fromisoformat(s["started_at"])}
            for s in packet.get("services", [])
        ],
        "categories": [DataCategory(c).label for c in packet],
        "watermark": letter_watermark(referral=referral, at=at),
        "printed_at": at,
        "printed_by": person_name(actor),
    }


def referral_letter_html(*, actor: User, referral: Referral, at: datetime) -> str:
    """The letter as HTML (what the PDF renders; tests read its laid-out text)."""
    return render_to_string(
        "referrals/letter_pdf.html", letter_context(actor=actor, referral=referral, at=at)
    )


def referral_letter_filename(referral: Referral) -> str:
    return "rujukan-" + referral.reference.replace("/", "-") + ".pdf"


@transaction.atomic
def referral_letter_pdf(
    *, actor: User, referral: Referral, request: HttpRequest | None = None
) -> bytes:
    """The letter of ``referral`` as PDF bytes, for the addressed provider and the case's
    writers (anyone else who sees the referral: 404). Refused (409) once the consent is
    withdrawn or the referral declined or withdrawn: nothing more is shared. The print is
    audited and recorded as a sharing with the recipient (the letter is made to be handed
    over)."""
    if not (
        referral_is_addressed_to(user=actor, referral=referral)
        or referral_is_writable(user=actor, referral=referral)
    ):
        raise ReferralNotFound
    if not referral_shares(referral):
        raise ConsentWithdrawn
    at = timezone.now()
    context = letter_context(actor=actor, referral=referral, at=at)
    pdf = render_pdf(render_to_string("referrals/letter_pdf.html", context))
    categories = list(context["packet"])
    audit(
        actor,
        AuditAction.PRINT,
        referral,
        referral.case,
        categories=",".join(categories),
        reason="referral letter pdf",
        request=request,
    )
    sharing_record(
        actor=actor, referral=referral, channel=SharingChannel.LETTER, categories=categories
    )
    return pdf
