"""The reporter's thread: the reply from the case page, and the case section on a converted
report's page."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user
from naungan.cases import selectors, services
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.messages import CaseMessageForm
from naungan.cases.views.cases import render_detail


@login_required
@require_POST
def case_message(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Answer the reporter from the case page (or from the report page, ``back=report``). An
    error shows the page again with the text kept."""
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    form = CaseMessageForm(request.POST)
    if form.is_valid():
        try:
            services.case_message_reply(
                actor=user, case=case, body=form.cleaned_data["body"], request=request
            )
        except ValidationError as exc:
            form.add_error("body", exc.message_dict.get("body", exc.messages))
        except CaseError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Balasan terkirim; pelapor melihatnya dari Petugas."))
            report = case.source_report
            if form.cleaned_data["back"] == "report" and report is not None:
                return redirect("reports:detail", report_id=report.public_id)
            return redirect(f"{resolve_url('cases:detail', case_id=case.public_id)}#thread")
    detail = selectors.case_detail(user=user, case_id=case.public_id)
    return render_detail(request, user, detail, status=422, message_form=form)


def report_case_section(request: HttpRequest, report: Any) -> dict[str, Any] | None:
    """On a converted report's page: the case it became (a link for those who see it) and
    the reply form for the case's writers, who now answer the reporter."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return None
    if not selectors.report_has_case(report=report):
        return None
    case = selectors.case_from_report(user=request_user(request), report=report)
    can_write = case is not None and selectors.case_is_writable(
        user=request_user(request), case=case
    )
    return {
        "template": "cases/partials/report_case_section.html",
        "case": case,
        "can_write": can_write,
        "message_form": CaseMessageForm(initial={"back": "report"}),
    }
