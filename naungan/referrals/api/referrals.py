"""Referrals API (CONTRACT §4, §8): send from a case, list, show (the provider: consented
categories only), the provider's answers, withdrawal, consent withdrawal and the letter."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Schema, Status

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.models import Role, User
from naungan.accounts.roles import CASE_ROLES, REFERRAL_READERS
from naungan.cases import selectors as case_selectors
from naungan.core.http import download_response

from .. import selectors, services
from ..models import Referral
from ..schemas.referrals import (
    CompleteIn,
    ReasonIn,
    ReferralCreatedOut,
    ReferralIn,
    ReferralListOut,
    ReferralOut,
    ReferralStatusOut,
)
from . import router

MAX_LIMIT = 200


class ListQuery(Schema):
    status: str = ""
    limit: int = 50
    offset: int = 0


def referral_item(r: Referral, *, user: User) -> dict[str, Any]:
    return {
        "id": r.id,
        "reference": r.reference,
        "organisation": r.organisation.slug,
        "organisation_name": r.organisation.name,
        "service_type": r.service_type,
        "status": r.status,
        "feedback": r.feedback,
        "warnings": r.warnings,
        "sent_at": r.sent_at,
        # A provider learns nothing of the case but its consented data.
        "case_id": None if user.role == Role.PROVIDER else r.case.public_id,
    }


def referral_out(r: Referral, *, user: User, request: HttpRequest) -> dict[str, Any]:
    """One referral with the case's consented data (``referral_read``: audited, and a
    sharing when the reader is the addressed provider)."""
    consent = r.consent
    return referral_item(r, user=user) | {
        "from_organisation_name": r.from_organisation.name,
        "note": str(r.note),
        "accepted_at": r.accepted_at,
        "declined_at": r.declined_at,
        "completed_at": r.completed_at,
        "withdrawn_at": r.withdrawn_at,
        "consent": {
            "given_by": consent.given_by,
            "data": consent.categories,
            "given_at": consent.given_at,
            "form_version": consent.form_version,
            "withdrawn_at": consent.withdrawn_at,
        },
        "events": [
            {"from_status": e.from_status or None, "status": e.to_status, "at": e.created_at}
            for e in selectors.referral_events(referral=r)
        ],
        "case": services.referral_read(actor=user, referral=r, request=request),
    }


def _status(r: Referral) -> dict[str, Any]:
    return {"id": r.id, "status": r.status}


def _page(query: ListQuery) -> tuple[int, int]:
    return max(0, query.offset), max(1, min(query.limit, MAX_LIMIT))


@router.post(
    "/cases/{caseid:case_id}/referrals",
    response={201: ReferralCreatedOut},
    summary="Refer the case to a provider, with consent",
    description="The case's writers. The organisation must offer `service_type` and serve "
    "the case's area (else 422 naming `organisation`); no consent → 422 naming `consent`, "
    "except a legal duty recorded by a supervisor (`given_by` `legal_duty`; a caseworker gets "
    "403). A child victim needs a guardian's consent or a best-interest exception that a "
    "supervisor records. Unmet eligibility (e.g. legal aid without SKTM or PKH) is a warning "
    "in `warnings`, not a refusal. A `referral_reminder` task is due "
    "`NAUNGAN_REFERRAL_REMINDER_HOURS` (default 24) later unless the provider answers.",
)
def cases_referral_create(
    request: HttpRequest, case_id: UUID, payload: ReferralIn
) -> Status[dict[str, Any]]:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    organisation = None
    if payload.organisation:
        organisation = case_selectors.organisation_by_slug(payload.organisation)
        if organisation is None:
            raise ValidationError({"organisation": _("Organisasi tidak dikenal.")})
    consent = None
    if payload.consent is not None:
        consent = services.ConsentIn(**payload.consent.dict())
    referral = services.referral_create(
        actor=user,
        case=case,
        organisation=organisation,
        service_type=payload.service_type,
        consent=consent,
        note=payload.note,
        documents_held=payload.documents_held,
        warning_reason=payload.warning_reason,
    )
    referral = selectors.referral_get(user=user, referral_id=referral.id)
    out = referral_out(referral, user=user, request=request)
    return Status(201, out | {"warning_reason": str(referral.warning_reason)})


@router.get(
    "/cases/{caseid:case_id}/referrals",
    response=ReferralListOut,
    summary="The referrals of a case",
    description="Everyone who sees the case; newest first, with status and the provider's "
    "`feedback` (the decline reason, or the service given and its outcome).",
)
@api_role_required(CASE_ROLES)
def cases_referrals(request: HttpRequest, case_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    items = [referral_item(r, user=user) for r in selectors.case_referrals(case=case)]
    return {"items": items, "count": len(items)}


@router.get(
    "/referrals",
    response=ReferralListOut,
    summary="Referrals in scope",
    description="A provider: the referrals addressed to its own organisation; caseworkers, "
    "supervisors and intake: those of the cases they see. Filter `status`; `limit` ≤ 200, "
    "`offset`. Anyone else: 404.",
)
@api_role_required(REFERRAL_READERS)
def referrals_list(request: HttpRequest, query: Query[ListQuery]) -> dict[str, Any]:
    user = request_user(request)
    offset, limit = _page(query)
    qs = selectors.referral_list(user=user, status=query.status)
    items = [referral_item(r, user=user) for r in qs[offset : offset + limit]]
    return {"items": items, "count": qs.count()}


@router.get(
    "/referrals/{referral_id}",
    response=ReferralOut,
    summary="One referral",
    description="`case` holds only the consented categories (`identity`, `contact`, "
    "`narrative`, …); those not consented are absent. The read is audited; a provider's is "
    "kept in the sharing record. Outside scope: 404, as a missing record.",
)
@api_role_required(REFERRAL_READERS)
def referrals_get(request: HttpRequest, referral_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    referral = selectors.referral_get(user=user, referral_id=referral_id)
    return referral_out(referral, user=user, request=request)


@router.post(
    "/referrals/{referral_id}/accept",
    response=ReferralStatusOut,
    summary="The provider accepts",
    description="Provider users of the addressed organisation (anyone else: 404). Only a "
    "sent referral (else 409).",
)
@api_role_required(REFERRAL_READERS)
def referrals_accept(request: HttpRequest, referral_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    referral = selectors.referral_get(user=user, referral_id=referral_id)
    return _status(services.referral_accept(actor=user, referral=referral))


@router.post(
    "/referrals/{referral_id}/decline",
    response=ReferralStatusOut,
    summary="The provider declines, with a reason",
    description="`reason` required (422). Only a sent referral (an accepted one: 409).",
)
@api_role_required(REFERRAL_READERS)
def referrals_decline(request: HttpRequest, referral_id: UUID, payload: ReasonIn) -> dict[str, Any]:
    user = request_user(request)
    referral = selectors.referral_get(user=user, referral_id=referral_id)
    return _status(services.referral_decline(actor=user, referral=referral, reason=payload.reason))


@router.post(
    "/referrals/{referral_id}/complete",
    response=ReferralStatusOut,
    summary="The provider reports back: service given and outcome",
    description="`outcome` required (422). Only an accepted referral (a declined one: 409).",
)
@api_role_required(REFERRAL_READERS)
def referrals_complete(
    request: HttpRequest, referral_id: UUID, payload: CompleteIn
) -> dict[str, Any]:
    user = request_user(request)
    referral = selectors.referral_get(user=user, referral_id=referral_id)
    return _status(
        services.referral_complete(
            actor=user,
            referral=referral,
            outcome=payload.outcome,
            service_given=payload.service_given,
        )
    )


@router.post(
    "/referrals/{referral_id}/withdraw",
    response=ReferralStatusOut,
    summary="The caseworker withdraws the referral, with a reason",
    description="The case's writers; a sent or accepted referral (else 409). The provider "
    "sees the case's data no more.",
)
@api_role_required(REFERRAL_READERS)
def referrals_withdraw(
    request: HttpRequest, referral_id: UUID, payload: ReasonIn
) -> dict[str, Any]:
    user = request_user(request)
    referral = selectors.referral_get(user=user, referral_id=referral_id)
    return _status(services.referral_withdraw(actor=user, referral=referral, reason=payload.reason))


@router.post(
    "/referrals/{referral_id}/consent/withdraw",
    response=ReferralStatusOut,
    summary="The victim withdraws the consent of this referral",
    description="The case's writers record it with `reason` (how and why). No further "
    "sharing; what was shared stays recorded. A sent referral is withdrawn with it; a legal "
    "duty cannot be withdrawn (409).",
)
@api_role_required(REFERRAL_READERS)
def referrals_consent_withdraw(
    request: HttpRequest, referral_id: UUID, payload: ReasonIn
) -> dict[str, Any]:
    user = request_user(request)
    referral = selectors.referral_get(user=user, referral_id=referral_id)
    services.consent_withdraw(actor=user, consent=referral.consent, reason=payload.reason)
    referral.refresh_from_db()
    return _status(referral)


@router.get(
    "/referrals/{referral_id}/letter.pdf",
    summary="The referral letter (PDF)",
    description="The addressed provider and the case's writers: reference number, the "
    "consented categories only, the recipient and date as a watermark on every page, never a "
    "shelter address. Printing is audited and kept in the sharing record. After the consent "
    "is withdrawn: 409. `Cache-Control: no-store`.",
    response={200: None},
)
@api_role_required(REFERRAL_READERS)
def referrals_letter(request: HttpRequest, referral_id: UUID) -> HttpResponse:
    user = request_user(request)
    referral = selectors.referral_get(user=user, referral_id=referral_id)
    content = services.referral_letter_pdf(actor=user, referral=referral, request=request)
    return download_response(
        content,
        filename=services.referral_letter_filename(referral),
        content_type="application/pdf",
    )
