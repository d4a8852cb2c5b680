"""Referrals on a case: the "Rujukan" section of the case page and the "Buat rujukan" form.

The form has two steps that work without JavaScript: choose the service (a GET form), then
the provider among those that offer it in the case's area, nearest first, with the consent
block. With HTMX, changing the service refreshes only the provider list."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases import selectors as case_selectors
from naungan.cases.models import Case, CaseParty, CaseStatus, PartyRole
from naungan.core.exceptions import DomainError
from naungan.core.http import form_errors_add
from naungan.orgs.models import EligibilityDocument, Organisation
from naungan.orgs.selectors import providers_for

from .. import selectors, services
from ..forms.referrals import (
    CATEGORY_HELP,
    GIVER_HELP,
    SUPERVISOR_GIVERS,
    ReasonForm,
    ReferralForm,
    ServiceChoiceForm,
    service_errors,
)
from ..models import DataCategory, ReferralServiceType
from .detail import consented_labels


def writer_of(user: Any, case: Case) -> bool:
    return bool(
        case_selectors.case_is_writable(user=user, case=case) and case.status != CaseStatus.CLOSED
    )


def case_referrals_section(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """The "Rujukan" section of the case page (registered with ``naungan.core.registry``):
    the case's referrals with status, provider, service, dates and the provider's feedback;
    for its writers the actions. The case page has already looked the case up for the user."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return None
    referrals = list(selectors.case_referrals(case=case)[:20])
    can_write = case_selectors.case_is_writable(user=user, case=case)  # type: ignore[arg-type]
    for r in referrals:
        r.categories_shown = consented_labels(r)  # type: ignore[attr-defined]
        r.shares_now = selectors.referral_shares(r)  # type: ignore[attr-defined]
    return {
        "template": "referrals/partials/case_section.html",
        "referrals": referrals,
        "can_write": can_write,
        "can_create": can_write and case.status != CaseStatus.CLOSED,
        "reason_form": ReasonForm(),
    }


def _parties(case: Case, role: str) -> list[CaseParty]:
    return list(
        CaseParty.objects.filter(case=case, role=role).select_related("person").order_by("id")
    )


def _eligibility(org: Organisation) -> str:
    labels = [
        str(EligibilityDocument(c).label)
        for c in (org.eligibility_documents or [])
        if c in EligibilityDocument.values
    ]
    return _(" atau ").join(labels)


def _providers(service_type: str, case: Case) -> list[Organisation]:
    if service_type not in ReferralServiceType.values:
        return []
    providers = providers_for(service_type, case.area)
    for org in providers:
        org.eligibility_words = _eligibility(org)  # type: ignore[attr-defined]
    return providers


def _form(user: User, case: Case, service_type: str, data: Any = None) -> ReferralForm:
    return ReferralForm(
        data,
        initial={"service_type": service_type},
        providers=_providers(service_type, case),
        victims=_parties(case, PartyRole.VICTIM),
        guardians=_parties(case, PartyRole.GUARDIAN),
        supervisor=user.role in SUPERVISORS,
    )


def _render(
    request: HttpRequest, case: Case, form: ReferralForm, service_type: str, status: int = 200
) -> HttpResponse:
    context = {
        "case": case,
        "form": form,
        "choice_form": ServiceChoiceForm(initial={"service_type": service_type}),
        "service_type": service_type if service_type in ReferralServiceType.values else "",
        "service_label": (
            ReferralServiceType(service_type).label
            if service_type in ReferralServiceType.values
            else ""
        ),
        "providers": form.providers,
        "chosen": form.data.get("organisation", "") if form.is_bound else "",
        "category_help": [(c, CATEGORY_HELP[DataCategory(c)]) for c in DataCategory.values],
        "giver_help": GIVER_HELP,
        "supervisor_only": not form.supervisor,
        "supervisor_givers": SUPERVISOR_GIVERS,
        "unmet": form.unmet() if form.is_bound and hasattr(form, "cleaned_data") else [],
        "create_url": reverse("referrals:create", args=[case.public_id]),
    }
    template = "referrals/create.html"
    if getattr(request, "htmx", False) and request.method == "GET":
        template = "referrals/create.html#providers"
    return render(request, template, context, status=status)


@login_required
def referral_create(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Step one (no service chosen): the service. Step two (``?service_type=``): the providers
    for it and the consent block. POST sends the referral; a refusal shows the form again as
    typed with the message next to its field (422)."""
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    if request.method != "POST":
        service_type = request.GET.get("service_type", "")
        return _render(request, case, _form(user, case, service_type), service_type)
    service_type = request.POST.get("service_type", "")
    form = _form(user, case, service_type, request.POST)
    status = 422
    if form.is_valid():
        d = form.cleaned_data
        try:
            referral = services.referral_create(
                actor=user,
                case=case,
                organisation=form.provider(),
                service_type=d["service_type"],
                consent=form.consent(),
                note=d["note"],
                documents_held=d["documents_held"],
                warning_reason=d["warning_reason"],
            )
        except ValidationError as exc:
            form_errors_add(form, service_errors(exc))
        except DomainError as exc:
            if exc.status == 403:
                form.add_error("given_by", exc.message)
                status = 403
            else:
                form.add_error(None, exc.message)
                status = exc.status if exc.status != 404 else 422
        else:
            for warning in referral.warnings:
                messages.warning(request, warning)
            messages.success(
                request,
                _("Rujukan %(ref)s dikirim kepada %(org)s.")
                % {"ref": referral.reference, "org": referral.organisation.name},
            )
            return redirect("referrals:detail", referral_id=referral.pk)
    return _render(request, case, form, service_type, status=status)
