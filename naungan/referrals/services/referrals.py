"""Referrals from a case to a partner provider (DESIGN §9): sending with consent, the
provider's answer (accept, decline with a reason, complete with the outcome), withdrawal by
the caseworker, the reminder task when the provider does not answer, and the closure rule."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.models import Role, User
from naungan.cases.exceptions import NotPermitted
from naungan.cases.models import Case, CaseStatus, TaskKind, TaskStatus
from naungan.cases.selectors import case_is_writable
from naungan.cases.services import task_create
from naungan.core.models import AuditAction
from naungan.orgs.models import EligibilityDocument, Organisation
from naungan.orgs.selectors import providers_for

from ..exceptions import CaseClosedForReferrals, ReferralNotFound, ReferralTransitionNotAllowed
from ..models import (
    PENDING_STATUSES,
    TRANSITIONS,
    Referral,
    ReferralEvent,
    ReferralServiceType,
    ReferralStatus,
)
from ._common import audit, require_case_writer, save
from .consents import ConsentIn, consent_build

REMINDER_RULE = "Jawaban mitra (NAUNGAN_REFERRAL_REMINDER_HOURS)"


def _next_number(year: int) -> int:
    top = Referral.objects.filter(year=year).aggregate(n=Max("number"))["n"]
    return (top or 0) + 1


def _store_numbered(referral: Referral) -> None:
    """Give the referral the next number of its year and save it; a concurrent referral that
    took the same number makes this one retry with the next (the unique constraint decides)."""
    referral.full_clean(exclude=["year", "number"], validate_constraints=False)
    for _attempt in range(10):
        referral.number = _next_number(referral.year)
        try:
            with transaction.atomic():
                referral.save(force_insert=True)
            return
        except IntegrityError:
            continue
    raise IntegrityError("no free referral number")


def _event(referral: Referral, actor: User | None, from_status: str, note: str = "") -> None:
    save(
        ReferralEvent(
            referral=referral,
            from_status=from_status,
            to_status=referral.status,
            actor=actor,
            note=note,
        )
    )


def _eligibility_unmet(organisation: Organisation, held: Sequence[str]) -> list[str]:
    asked = [
        c for c in (organisation.eligibility_documents or []) if c in EligibilityDocument.values
    ]
    if not asked or set(asked) & set(held):
        return []
    return asked


@transaction.atomic
def referral_create(
    *,
    actor: User,
    case: Case,
    organisation: Organisation | None,
    service_type: str,
    consent: ConsentIn | None,
    note: str = "",
    documents_held: Sequence[str] = (),
    warning_reason: str = "",
) -> Referral:
    """Refer the case to ``organisation`` for ``service_type`` (DESIGN §9, CONTRACT §8).

    Refused with 422 naming the field: an unknown service type (``service_type``), an
    organisation that does not offer it or does not serve the case's area
    (``orgs.selectors.providers_for``; ``organisation``), no consent (``consent``, see
    ``consent_build`` for the child, guardian, best-interest and legal-duty rules), a document
    code not known (``documents_held``). The provider's eligibility (documents of which any one
    suffices, e.g. Posbakum: SKTM or PKH) unmet by ``documents_held`` is a warning
    (``Referral.warnings``) kept with ``warning_reason``, never a refusal. The referral gets a
    reference number unique per year, its first event and a ``referral_reminder`` task for the
    caseworker due ``NAUNGAN_REFERRAL_REMINDER_HOURS`` (default 24) after sending, which the
    provider's answer closes. Callers: the case's writers (assigned caseworkers, supervisors
    of its area)."""
    if not case_is_writable(user=actor, case=case):
        raise NotPermitted
    if case.status == CaseStatus.CLOSED:
        raise CaseClosedForReferrals
    if service_type not in ReferralServiceType.values:
        raise ValidationError(
            {
                "service_type": _("Jenis layanan rujukan tidak dikenal. Pilih dari: %(known)s.")
                % {"known": ", ".join(str(label) for label in ReferralServiceType.labels)}
            }
        )
    if organisation is None:
        raise ValidationError({"organisation": _("Pilih mitra tujuan rujukan.")})
    if organisation.pk not in {o.pk for o in providers_for(service_type, case.area)}:
        raise ValidationError(
            {
                "organisation": _(
                    "%(org)s tidak memberikan layanan %(service)s atau tidak melayani wilayah "
                    "kasus ini."
                )
                % {
                    "org": organisation.name,
                    "service": ReferralServiceType(service_type).label,
                }
            }
        )
    held = list(dict.fromkeys(str(d) for d in documents_held))
    if any(d not in EligibilityDocument.values for d in held):
        raise ValidationError({"documents_held": _("Jenis dokumen tidak dikenal.")})
    given = consent_build(
        actor=actor, case=case, recipient=organisation, service_type=service_type, data=consent
    )
    now = timezone.now()
    unmet = _eligibility_unmet(organisation, held)
    referral = Referral(
        case=case,
        from_organisation=case.organisation,
        organisation=organisation,
        service_type=service_type,
        status=ReferralStatus.SENT,
        year=timezone.localdate(now).year,
        consent=given,
        note=note.strip(),
        documents_held=held,
        eligibility_unmet=unmet,
        warning_reason=warning_reason.strip() if unmet else "",
        sent_at=now,
        created_by=actor,
    )
    _store_numbered(referral)
    referral.reminder_task = task_create(
        case=case,
        kind=TaskKind.REFERRAL_REMINDER,
        due_at=now + timedelta(hours=settings.REFERRAL_REMINDER_HOURS),
        owner=case.lead or actor,
        source_rule=REMINDER_RULE,
        title=_("Rujukan %(ref)s ke %(org)s: pastikan mitra menjawab")
        % {"ref": referral.reference, "org": organisation.name},
    )
    referral.save(update_fields=["reminder_task", "updated_at"])
    _event(referral, actor, "", note=referral.note)
    audit(
        actor,
        AuditAction.CREATE,
        referral,
        case,
        categories=",".join(given.categories),
        reason=f"referral {service_type} to {organisation.slug}",
        outcome="warning" if unmet else "ok",
    )
    return referral


def _locked(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update(of=("self",))
        .select_related("case__area", "organisation", "consent", "reminder_task")
        .get(pk=referral.pk)
    )


def _require_provider(actor: User, referral: Referral) -> None:
    """Only provider users of the addressed organisation answer a referral; to anyone else it
    answers as a missing record (404)."""
    if not (
        actor.is_active
        and actor.role == Role.PROVIDER
        and actor.organisation_id is not None
        and actor.organisation_id == referral.organisation_id
    ):
        raise ReferralNotFound


def _move(referral: Referral, to: str) -> str:
    if to not in TRANSITIONS.get(referral.status, frozenset()):
        raise ReferralTransitionNotAllowed(
            _("Rujukan berstatus %(now)s tidak dapat menjadi %(to)s.")
            % {
                "now": ReferralStatus(referral.status).label,
                "to": ReferralStatus(to).label,
            }
        )
    before = referral.status
    referral.status = to
    return before


def _reminder_close(actor: User | None, referral: Referral, status: str) -> None:
    task = referral.reminder_task
    if task is None or task.status != TaskStatus.OPEN:
        return
    task.status = status
    task.completed_at = timezone.now()
    task.completed_by = actor
    save(task)
    audit(actor, AuditAction.UPDATE, task, referral.case, reason=f"task {status} referral_reminder")


@transaction.atomic
def referral_accept(*, actor: User, referral: Referral) -> Referral:
    """The addressed provider accepts a sent referral; the caseworker's reminder is done.
    Callers: provider users of the addressed organisation (anyone else: 404)."""
    _require_provider(actor, referral)
    referral = _locked(referral)
    before = _move(referral, ReferralStatus.ACCEPTED)
    referral.accepted_at = timezone.now()
    referral.answered_by = actor
    save(referral)
    _event(referral, actor, before)
    _reminder_close(actor, referral, TaskStatus.DONE)
    audit(actor, AuditAction.UPDATE, referral, referral.case, reason="referral accepted")
    return referral


@transaction.atomic
def referral_decline(*, actor: User, referral: Referral, reason: str) -> Referral:
    """The addressed provider declines a sent referral, with a reason (422 without one; 409
    once accepted); the caseworker's reminder is done and the reason is the feedback.
    Callers: provider users of the addressed organisation (anyone else: 404)."""
    _require_provider(actor, referral)
    referral = _locked(referral)
    before = _move(referral, ReferralStatus.DECLINED)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Tulis alasan menolak rujukan.")})
    referral.decline_reason = reason.strip()
    referral.declined_at = timezone.now()
    referral.answered_by = actor
    save(referral)
    _event(referral, actor, before, note=referral.decline_reason)
    _reminder_close(actor, referral, TaskStatus.DONE)
    audit(actor, AuditAction.UPDATE, referral, referral.case, reason="referral declined")
    return referral


@transaction.atomic
def referral_complete(
    *, actor: User, referral: Referral, outcome: str, service_given: str = ""
) -> Referral:
    """The addressed provider reports back on an accepted referral: the service given and
    its outcome (422 without an outcome; 409 unless accepted). Callers: provider users of the
    addressed organisation (anyone else: 404)."""
    _require_provider(actor, referral)
    referral = _locked(referral)
    before = _move(referral, ReferralStatus.COMPLETED)
    if not (outcome or "").strip():
        raise ValidationError({"outcome": _("Tulis hasil layanan yang diberikan.")})
    referral.outcome = outcome.strip()
    referral.service_given = (service_given or "").strip()
    referral.completed_at = timezone.now()
    referral.completed_by = actor
    save(referral)
    _event(referral, actor, before, note=referral.outcome)
    audit(actor, AuditAction.UPDATE, referral, referral.case, reason="referral completed")
    return referral


@transaction.atomic
def referral_withdraw(*, actor: User, referral: Referral, reason: str) -> Referral:
    """The caseworker (or a supervisor of the case's area) withdraws a sent or accepted
    referral, with a reason (422 without; 409 once declined, completed or withdrawn). The
    reminder task is cancelled and the provider sees the case's data no more. Callers: the
    case's writers."""
    require_case_writer(actor, referral.case)
    referral = _locked(referral)
    before = _move(referral, ReferralStatus.WITHDRAWN)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Tulis alasan menarik rujukan.")})
    _withdraw(actor, referral, before, reason.strip())
    return referral


def _withdraw(actor: User, referral: Referral, before: str, reason: str) -> None:
    referral.withdrawn_reason = reason
    referral.withdrawn_at = timezone.now()
    referral.withdrawn_by = actor
    save(referral)
    _event(referral, actor, before, note=reason)
    _reminder_close(actor, referral, TaskStatus.CANCELLED)
    audit(actor, AuditAction.UPDATE, referral, referral.case, reason="referral withdrawn")


def referral_withdrawn_by_consent(*, actor: User, referral: Referral) -> Referral:
    """A sent referral whose consent was withdrawn (internal: ``consent_withdraw`` calls it in
    its transaction)."""
    referral = _locked(referral)
    before = _move(referral, ReferralStatus.WITHDRAWN)
    _withdraw(actor, referral, before, _("Persetujuan berbagi data ditarik."))
    return referral


def referral_closure_blockers(case: Case) -> list[str]:
    """A sent or accepted referral blocks closing the case (DESIGN §5 step 6): the provider
    has not answered or has not reported back. Registered with ``naungan.core.registry``."""
    pending = case.referrals.filter(status__in=PENDING_STATUSES).select_related("organisation")
    return [
        _("Rujukan %(ref)s ke %(org)s masih %(status)s: tunggu jawaban mitra atau tarik rujukan.")
        % {
            "ref": r.reference,
            "org": r.organisation.name,
            "status": ReferralStatus(r.status).label.lower(),
        }
        for r in pending
    ]
