"""Recording, correcting and withdrawing an incident of a case (the case's writers)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from naungan.accounts.access import request_user
from naungan.cases import selectors, services
from naungan.cases.exceptions import CaseError, IncidentWithdrawn
from naungan.cases.forms.incidents import IncidentForm, IncidentWithdrawForm
from naungan.cases.models import Case, Incident
from naungan.core.http import error_text


def _survivor_choices(case: Case) -> list[tuple[str, str]]:
    return [
        (str(p.public_id), p.name or _("Korban tanpa nama") + f" ({str(p.public_id)[:8]})")
        for p in selectors.case_victims(case=case)
    ]


def _refused(form: IncidentForm | IncidentWithdrawForm, exc: ValidationError | CaseError) -> None:
    """A service's refusal onto the form, next to the field it names."""
    fields = isinstance(exc, ValidationError) and hasattr(exc, "error_dict")
    if isinstance(form, IncidentForm) and isinstance(exc, ValidationError) and fields:
        form.add_service_errors(exc.message_dict)
    else:
        form.add_error(None, error_text(exc))


def _form_page(
    request: HttpRequest, case: Case, form: IncidentForm, incident: Incident | None = None
) -> HttpResponse:
    """The form again; 422 when it was sent and refused (the input kept, errors marked)."""
    status = 422 if request.method == "POST" else 200
    context: dict[str, Any] = {"case": case, "form": form, "incident": incident}
    return render(request, "cases/incident_form.html", context, status=status)


@login_required
def incident_create(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    form = IncidentForm(request.POST or None, survivors=_survivor_choices(case))
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_record(
                actor=user,
                case=case,
                survivor=selectors.case_victim_find(
                    case=case, person_id=form.cleaned_data["survivor"]
                ),
                answers=form.answers(),
                **form.details(),
            )
        except (ValidationError, CaseError) as exc:
            _refused(form, exc)
        else:
            messages.success(
                request,
                _("Insiden dicatat: %(t)s.") % {"t": incident.get_gbv_type_display()},
            )
            return redirect("cases:detail", case_id=case.public_id)
    return _form_page(request, case, form)


@login_required
def incident_edit(request: HttpRequest, case_id: UUID, incident_id: UUID) -> HttpResponse:
    """Correct an incident: the same form, filled in; the type is computed again."""
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    incident = selectors.case_incident_get(case=case, incident_id=incident_id)
    if incident.withdrawn:
        messages.error(request, IncidentWithdrawn().message)
        return redirect("cases:detail", case_id=case.public_id)
    form = IncidentForm(
        request.POST or None,
        survivors=_survivor_choices(case),
        correcting=True,
        initial=IncidentForm.initial_of(incident),
    )
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_correct(
                actor=user,
                incident=incident,
                survivor=selectors.case_victim_find(
                    case=case, person_id=form.cleaned_data["survivor"]
                ),
                answers=form.answers(),
                reason=form.cleaned_data["correction_reason"],
                **form.details(),
            )
        except (ValidationError, CaseError) as exc:
            _refused(form, exc)
        else:
            messages.success(
                request,
                _("Insiden dikoreksi: %(t)s.") % {"t": incident.get_gbv_type_display()},
            )
            return redirect("cases:detail", case_id=case.public_id)
    return _form_page(request, case, form, incident)


@login_required
def incident_withdraw(request: HttpRequest, case_id: UUID, incident_id: UUID) -> HttpResponse:
    """Ask for the reason, say what withdrawing does, then withdraw."""
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    incident = selectors.case_incident_get(case=case, incident_id=incident_id)
    if incident.withdrawn:
        messages.error(request, IncidentWithdrawn().message)
        return redirect("cases:detail", case_id=case.public_id)
    form = IncidentWithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.incident_withdraw(
                actor=user, incident=incident, reason=form.cleaned_data["reason"]
            )
        except (ValidationError, CaseError) as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Insiden ditarik. Insiden ini tidak lagi dihitung."))
            return redirect("cases:detail", case_id=case.public_id)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "cases/incident_withdraw.html",
        {"case": case, "incident": incident, "form": form},
        status=status,
    )
