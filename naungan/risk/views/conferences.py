"""Risk conferences of a case: the list, recording one, one conference with its actions."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors as case_selectors
from naungan.cases.exceptions import CaseError
from naungan.cases.models import Case
from naungan.core.http import form_errors_add

from .. import selectors, services
from ..forms.conferences import ActionForm, ConferenceForm
from ..models import Conference
from ..services.conferences import ConferenceIn
from ._common import writer_of


@login_required
@require_GET
def conference_list(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    context = {
        "case": case,
        "zone": case.area.timezone,
        "conferences": list(selectors.case_conferences(case=case)),
        "can_write": writer_of(user, case),
    }
    services.conferences_read_audit(actor=user, case=case, request=request)
    return render(request, "risk/conferences.html", context)


@login_required
def conference_new(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    status = 200
    if request.method == "POST":
        form = ConferenceForm(request.POST, case=case)
        if form.is_valid():
            d = form.cleaned_data
            try:
                conference = services.conference_record(
                    actor=user,
                    case=case,
                    data=ConferenceIn(
                        held_on=d["held_on"],
                        agencies=list(d["agencies"]),
                        outcome=d["outcome"],
                        actions=form.actions(),
                    ),
                )
            except (ValidationError, CaseError) as exc:
                form_errors_add(form, exc)
            else:
                messages.success(request, _("Rapat koordinasi tersimpan."))
                return redirect(
                    "risk:conference", case_id=case.public_id, conference_id=conference.public_id
                )
        status = 422
    else:
        form = ConferenceForm(case=case)
    return render(
        request,
        "risk/conference_form.html",
        {"case": case, "zone": case.area.timezone, "form": form},
        status=status,
    )


def render_conference(
    request: HttpRequest,
    user: User,
    case: Case,
    conference: Conference,
    *,
    status: int = 200,
    action_form: ActionForm | None = None,
) -> HttpResponse:
    # Only the cases the reader sees are named; the others are counted.
    visible = case_selectors.cases_visible_to(user)
    cases = list(conference.cases.all())
    seen = set(visible.filter(pk__in=[c.pk for c in cases]).values_list("pk", flat=True))
    shown = [c for c in cases if c.pk in seen]
    context: dict[str, Any] = {
        "case": case,
        "zone": case.area.timezone,
        "conference": conference,
        "cases": shown,
        "hidden_cases": len(cases) - len(shown),
        "actions": list(conference.actions.filter(case=case).select_related("owner", "case")),
        "can_write": writer_of(user, case),
        "action_form": action_form or ActionForm(case=case),
    }
    services.conferences_read_audit(actor=user, case=case, request=request)
    return render(request, "risk/conference.html", context, status=status)


@login_required
@require_GET
def conference_page(request: HttpRequest, case_id: UUID, conference_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    conference = selectors.conference_get(case=case, conference_id=conference_id)
    return render_conference(request, user, case, conference)


@login_required
@require_POST
def conference_action(request: HttpRequest, case_id: UUID, conference_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    conference = selectors.conference_get(case=case, conference_id=conference_id)
    form = ActionForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.conference_action_add(
                actor=user, conference=conference, case=case, action=form.to_action()
            )
        except (ValidationError, CaseError) as exc:
            form_errors_add(form, exc)
        else:
            messages.success(request, _("Tindakan ditambahkan sebagai tugas."))
            return redirect(
                "risk:conference", case_id=case.public_id, conference_id=conference.public_id
            )
    return render_conference(request, user, case, conference, status=422, action_form=form)
