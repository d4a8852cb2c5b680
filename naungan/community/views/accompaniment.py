"""Accompaniment briefs: the activist's brief page with its log form; the case writers' form to
name an activist companion, and to mark the accompaniment done or withdraw it; the section on
the case page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from naungan.accounts.access import role_required
from naungan.accounts.roles import ACTIVISTS, CASE_ROLES, CASE_WRITER_ROLES
from naungan.cases.models import Case
from naungan.cases.selectors import case_get_for_write, case_is_writable
from naungan.core.exceptions import DomainError
from naungan.core.http import form_errors_add

from .. import selectors, services
from ..forms.accompaniment import BriefCloseForm, BriefForm, KeyedLogForm, brief_ref
from ..models import BriefStatus
from ._common import not_found_as_404


@role_required(ACTIVISTS)
@require_http_methods(["GET", "POST"])
@not_found_as_404
def brief_detail(request: HttpRequest, brief_id: str) -> HttpResponse:
    brief = selectors.brief_get(user=request.user, brief_id=brief_id)
    form = KeyedLogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            status, _log_id = services.accompaniment_log_once(
                actor=request.user,
                client_id=form.key(),
                brief=brief,
                data=form.to_input(),
                request=request,
            )
            messages.success(request, log_saved_text(status))
            return redirect("community:brief", brief_id=brief.public_id)
        except (ValidationError, DomainError) as exc:
            form_errors_add(form, exc)
    if request.method == "GET":
        services.brief_read_audit(actor=request.user, brief=brief, request=request)
    return render(
        request,
        "community/brief.html",
        {
            "brief": brief,
            "ref": brief_ref(brief),
            "logs": list(brief.logs.all()),
            "form": form,
            "open": brief.status == BriefStatus.OPEN,
        },
        status=422 if form.errors else 200,
    )


def log_saved_text(status: str) -> str:
    if status == "duplicate":
        return _("Catatan ini sudah tersimpan sebelumnya; tidak disimpan dua kali.")
    return _("Catatan pendampingan tersimpan.")


@role_required(CASE_WRITER_ROLES)
@require_http_methods(["GET", "POST"])
@not_found_as_404
def case_brief_new(request: HttpRequest, case_id: str) -> HttpResponse:
    case = case_get_for_write(user=request.user, case_id=case_id)  # type: ignore[arg-type]
    form = BriefForm(request.POST or None, activists=selectors.activists_in_scope(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.brief_create(
                actor=request.user,  # type: ignore[arg-type]
                case=case,
                request=request,
                **form.cleaned_data,
            )
            messages.success(request, _("Aktivis pendamping ditunjuk; ringkasan dibagikan."))
            return redirect("cases:detail", case_id=case.public_id)
        except (ValidationError, DomainError) as exc:
            form_errors_add(form, exc)
    return render(
        request,
        "community/case_brief_form.html",
        {"case": case, "form": form},
        status=422 if form.errors else 200,
    )


@role_required(CASE_WRITER_ROLES)
@require_POST
@not_found_as_404
def case_brief_close(request: HttpRequest, case_id: str, brief_id: str) -> HttpResponse:
    case = case_get_for_write(user=request.user, case_id=case_id)  # type: ignore[arg-type]
    brief = selectors.case_brief_get(case=case, brief_id=brief_id)
    form = BriefCloseForm(request.POST)
    if form.is_valid():
        try:
            services.brief_close(
                actor=request.user,  # type: ignore[arg-type]
                brief=brief,
                status=form.cleaned_data["status"],
                request=request,
            )
            messages.success(request, _("Pendampingan aktivis diperbarui."))
        except (ValidationError, DomainError) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("cases:detail", case_id=case.public_id)


def case_briefs_section(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """The activist companions of a case on its page (registered with ``core.registry``)."""
    from naungan.accounts.roles import user_in

    user = request.user
    if not user_in(user, CASE_ROLES):
        return None
    briefs = list(selectors.case_briefs(case))
    can_write = case_is_writable(user=user, case=case)  # type: ignore[arg-type]
    if not briefs and not can_write:
        return None
    return {
        "template": "community/partials/case_section.html",
        "briefs": briefs,
        "can_write": can_write,
        "case": case,
        "close_form": BriefCloseForm(),
    }
