"""Assigning a case, bulk assignment from the list, and the unit's caseloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from naungan.accounts.access import request_user, role_required
from naungan.accounts.models import User
from naungan.accounts.roles import SUPERVISORS
from naungan.cases import selectors, services
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.assignment import AssignForm, BulkAssignForm
from naungan.cases.models import Case
from naungan.cases.views.cases import (
    case_action,
    filter_form,
    invalid_form_error,
    list_url,
)
from naungan.core.http import error_text
from naungan.core.words import person_name


@case_action
def case_assign(request: HttpRequest, user: User, case: Case) -> str:
    form = AssignForm(request.POST, case=case)
    if not form.is_valid():
        raise invalid_form_error(form)
    services.case_assign(
        actor=user, case=case, assignee=form.cleaned_data["user"], lead=form.cleaned_data["lead"]
    )
    return _("Penugasan disimpan.")


BULK_PAGE = 200


@role_required(SUPERVISORS)
@require_http_methods(["GET", "POST"])
def bulk_assign(request: HttpRequest) -> HttpResponse:
    """The filtered list (same filters as the case list, closed cases left out) with a check
    box per case and one lead to assign to all selected."""
    user = request_user(request)
    _form, filters = filter_form(request.GET)
    cases = list(selectors.cases_assignable(user=user, filters=filters)[:BULK_PAGE])
    choices = [(str(c.public_id), c.registration_number) for c in cases]
    workers = selectors.unit_workers(user=user)
    form = BulkAssignForm(request.POST or None, workers=workers, case_choices=choices)
    query = request.GET.urlencode()
    if request.method == "POST" and form.is_valid():
        try:
            done = services.cases_bulk_assign(
                actor=user,
                case_ids=form.cleaned_data["cases"],
                assignee=form.cleaned_data["assignee"],
            )
        except (ValidationError, CaseError) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d kasus ditugaskan kepada %(u)s.",
                    "%(n)d kasus ditugaskan kepada %(u)s.",
                    len(done),
                )
                % {"n": len(done), "u": person_name(form.cleaned_data["assignee"])},
            )
            return redirect(list_url(query))
    context = {
        "form": form,
        "cases": cases,
        "selected": set(form["cases"].value() or []),
        "query": query,
        "limit": BULK_PAGE,
    }
    return render(request, "cases/supervisor/bulk_assign.html", context)


@role_required(SUPERVISORS)
def caseload(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    from naungan.cases.selectors import CASELOAD_COLUMNS

    context = {
        "loads": selectors.caseloads(user=user),
        "columns": CASELOAD_COLUMNS,
        "warning": selectors.caseload_warning(),
    }
    return render(request, "cases/supervisor/caseload.html", context)
