"""Status changes, closure request and decision, reopening (POST actions on the case page)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.cases import selectors, services
from naungan.cases.forms.workflow import ClosureForm, DecideForm, ReasonForm, TransitionForm
from naungan.cases.models import Case
from naungan.cases.views.cases import case_action, case_form_action, invalid_form_error


@case_action
def case_transition(request: HttpRequest, user: User, case: Case) -> str:
    form = TransitionForm(request.POST)
    if not form.is_valid():
        raise invalid_form_error(form)
    services.case_transition(
        actor=user, case=case, to_status=form.cleaned_data["to"], reason=form.cleaned_data["reason"]
    )
    return _("Status kasus diperbarui.")


@case_form_action("closure_form", ClosureForm)
def closure_request(request: HttpRequest, user: User, case: Case, form: ClosureForm) -> str:
    services.closure_request(
        actor=user,
        case=case,
        reason=form.cleaned_data["reason"],
        summary=form.cleaned_data["summary"],
    )
    return _("Permintaan penutupan diajukan; menunggu persetujuan supervisor.")


@case_form_action("decide_form", DecideForm)
def closure_decide(request: HttpRequest, user: User, case: Case, form: DecideForm) -> str:
    pending = selectors.case_pending_closure(case=case)
    if pending is None:
        raise Http404
    approve = form.cleaned_data["approve"] == "yes"
    services.closure_decide(
        actor=user, closure=pending, approve=approve, note=form.cleaned_data["note"]
    )
    return _("Kasus ditutup.") if approve else _("Permintaan penutupan ditolak.")


@case_form_action("reopen_form", ReasonForm)
def case_reopen(request: HttpRequest, user: User, case: Case, form: ReasonForm) -> str:
    services.case_reopen(actor=user, case=case, reason=form.cleaned_data["reason"])
    return _("Kasus dibuka kembali.")
