"""Safety plans of a case: the versions, a new version, and the printable plan for the victim
(in plain words; printed, never sent to a phone)."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from naungan.accounts.access import request_user
from naungan.cases import selectors as case_selectors
from naungan.cases.exceptions import CaseError
from naungan.core.http import form_errors_add

from .. import selectors, services
from ..forms.safety import SafetyPlanForm
from ._common import writer_of


@login_required
def safety_plans(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """The plans (GET, the case's readers) and a new version (POST, its writers: the form
    starts from the newest version)."""
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    can_write = writer_of(user, case)
    plans = list(selectors.case_safety_plans(case=case))
    status = 200
    if request.method == "POST":
        case = case_selectors.case_get_for_write(user=user, case_id=case_id)
        form = SafetyPlanForm(request.POST)
        if form.is_valid():
            try:
                plan = services.safety_plan_save(
                    actor=user,
                    case=case,
                    data=services.SafetyPlanIn(
                        review_on=form.cleaned_data["review_on"], parts=form.parts()
                    ),
                )
            except (ValidationError, CaseError) as exc:
                form_errors_add(form, exc)
            else:
                messages.success(
                    request,
                    _("Rencana keselamatan versi %(n)s tersimpan.") % {"n": plan.number},
                )
                return redirect("risk:safety_plans", case_id=case.public_id)
        status = 422
    else:
        latest = plans[0] if plans else None
        initial: dict[str, object] = {}
        if latest is not None:
            initial = {name: getattr(latest, name) for name in form_fields()}
            if latest.review_on >= timezone.localdate():
                initial["review_on"] = latest.review_on
        form = SafetyPlanForm(initial=initial)
    services.safety_plans_read_audit(actor=user, case=case, request=request)
    return render(
        request,
        "risk/safety_plans.html",
        {
            "case": case,
            "zone": case.area.timezone,
            "plans": plans,
            "form": form,
            "can_write": can_write,
        },
        status=status,
    )


def form_fields() -> set[str]:
    from ..models.safety import PLAN_FIELDS

    return set(PLAN_FIELDS)


@login_required
@require_GET
def safety_plan_print(request: HttpRequest, case_id: UUID, safety_plan_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    plan = selectors.case_safety_plan_get(case=case, plan_id=safety_plan_id)
    services.safety_plan_print_audit(actor=user, plan=plan, request=request)
    response = render(
        request,
        "risk/safety_plan_print.html",
        {"case": case, "plan": plan, "zone": case.area.timezone},
    )
    response["Cache-Control"] = "no-store"
    return response
