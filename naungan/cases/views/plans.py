"""The intervention plan and monitoring page, and the plan section of the case page."""

from __future__ import annotations

from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases import selectors
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.plans import MonitoringForm, PlanActionFormSet, PlanDecideForm, PlanForm
from naungan.cases.models import Case, InterventionPlan, PlanStatus
from naungan.cases.services import plans as plan_services
from naungan.core.http import error_text


def plan_context(*, user: User, case: Case) -> dict[str, Any]:
    """What the plan page and the case page's plan section show."""
    plans = list(selectors.case_plans(case=case))
    can_write = selectors.case_is_writable(user=user, case=case)
    current = selectors.plan_current(plans)
    return {
        "case": case,
        "plans": plans,
        "current_plan": current,
        "draft": next((p for p in plans if p.status == PlanStatus.DRAFT), None),
        "submitted": next((p for p in plans if p.status == PlanStatus.SUBMITTED), None),
        "monitoring": list(selectors.case_monitoring(case=case)),
        "can_write": can_write and case.status != "closed",
        "can_decide": can_write and user.role in SUPERVISORS,
        "user": user,
    }


def _action_formset(case: Case, plan: InterventionPlan | None, data: Any = None) -> Any:
    initial = []
    if plan is not None:
        zone = ZoneInfo(case.area.timezone)
        for a in plan.actions.all():
            due = timezone.localtime(a.due_at, timezone=zone).date() if a.due_at else None
            initial.append(
                {
                    "description": a.description,
                    "service": a.service,
                    "responsible_user": a.responsible_user_id,
                    "responsible_org": a.responsible_org_id,
                    "due_on": due,
                }
            )
    return PlanActionFormSet(data, initial=initial, prefix="actions", form_kwargs={"case": case})


@login_required
def plan_page(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """The plan versions and monitoring entries of a case; caseworkers draft and submit here,
    supervisors decide, everyone who writes on the case records monitoring."""
    user = request_user(request)
    case = selectors.case_get(user=user, case_id=case_id)
    context = plan_context(user=user, case=case)
    draft = context["draft"]
    if request.method == "POST":
        if not context["can_write"]:
            return redirect("cases:plans", case_id=case.public_id)
        form = PlanForm(request.POST)
        formset = _action_formset(case, draft, request.POST)
        if form.is_valid() and formset.is_valid():
            actions = [a for f in formset.forms if (a := f.to_action()) is not None]
            try:
                plan_services.plan_draft(
                    actor=user,
                    case=case,
                    goals=form.cleaned_data["goals"],
                    made_with=form.cleaned_data["made_with"],
                    actions=actions,
                )
            except (ValidationError, CaseError) as exc:
                form.add_error(None, error_text(exc))
            else:
                messages.success(request, _("Draf rencana disimpan."))
                return redirect("cases:plans", case_id=case.public_id)
        return _render_plans(request, user, case, context, form=form, formset=formset)
    return _render_plans(request, user, case, context)


def _render_plans(
    request: HttpRequest,
    user: User,
    case: Case,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
    **forms: Any,
) -> HttpResponse:
    """The plan page; ``forms`` replace the blank ones so that input survives an error."""
    context = context if context is not None else plan_context(user=user, case=case)
    if "form" not in forms:
        source = context["draft"] or context["current_plan"]
        initial = {"goals": source.goals, "made_with": source.made_with} if source else None
        forms["form"] = PlanForm(initial=initial)
        forms["formset"] = _action_formset(case, source)
    context |= {
        "decide_form": PlanDecideForm(),
        "monitoring_form": MonitoringForm(initial={"reviewed_on": timezone.localdate()}),
        "zone": case.area.timezone,
        **forms,
    }
    return render(request, "cases/plans.html", context, status=status)


def _plan_action(
    request: HttpRequest, case_id: UUID, plan_id: UUID, *, decide: bool
) -> HttpResponse:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    plan = selectors.case_plan_get(case=case, plan_id=plan_id)
    try:
        if decide:
            form = PlanDecideForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Pilih setujui atau tolak."))
            approve = form.cleaned_data["approve"] == "yes"
            plan_services.plan_decide(
                actor=user, plan=plan, approve=approve, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("Rencana disetujui.") if approve else _("Rencana ditolak."))
        else:
            plan_services.plan_submit(actor=user, plan=plan)
            messages.success(request, _("Rencana diajukan; menunggu persetujuan supervisor."))
    except (ValidationError, CaseError) as exc:
        messages.error(request, error_text(exc))
    return redirect("cases:plans", case_id=case.public_id)


@login_required
@require_POST
def plan_submit(request: HttpRequest, case_id: UUID, plan_id: UUID) -> HttpResponse:
    return _plan_action(request, case_id, plan_id, decide=False)


@login_required
@require_POST
def plan_decide(request: HttpRequest, case_id: UUID, plan_id: UUID) -> HttpResponse:
    return _plan_action(request, case_id, plan_id, decide=True)


@login_required
@require_POST
def monitoring_add(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    form = MonitoringForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            plan_services.monitoring_record(
                actor=user,
                case=case,
                reviewed_on=data["reviewed_on"],
                summary=data["summary"],
                rights_reviewed=data["rights_reviewed"],
                risk_changed=data["risk_changed"],
                next_review_on=data["next_review_on"],
            )
        except ValidationError as exc:
            for field, errors in getattr(exc, "message_dict", {"__all__": exc.messages}).items():
                form.add_error(field if field in form.fields else None, errors)
        except CaseError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Catatan pemantauan disimpan."))
            return redirect("cases:plans", case_id=case.public_id)
    # Shown again with what was typed, errors next to the fields (nothing is lost).
    return _render_plans(request, user, case, status=422, monitoring_form=form)
