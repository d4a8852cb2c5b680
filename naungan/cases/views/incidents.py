"""Recording an incident on a case."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from naungan.accounts.access import request_user
from naungan.cases import selectors, services
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.incidents import IncidentForm
from naungan.core.http import error_text


@login_required
def incident_create(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    victims = selectors.case_victims(case=case)
    choices = [
        (str(p.public_id), p.name or _("Korban tanpa nama") + f" ({str(p.public_id)[:8]})")
        for p in victims
    ]
    form = IncidentForm(request.POST or None, survivors=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        survivor = selectors.case_victim_find(case=case, person_id=data["survivor"])
        try:
            incident = services.incident_record(
                actor=user,
                case=case,
                survivor=survivor,
                answers=form.answers(),
                occurred_on=data["occurred_on"],
                occurred_on_approximate=data["occurred_on_approximate"],
                survivor_age=data["survivor_age"],
                place=data["place"],
                violence_types=data["violence_types"],
                perpetrator_relationship=data["perpetrator_relationship"],
                perpetrator_age=data["perpetrator_age"],
                money_goods_exchanged=data["money_goods_exchanged"],
                abduction=data["abduction"],
                harmful_traditional_practice=data["harmful_traditional_practice"],
                tpks_type=data["tpks_type"],
                reporting_consent=data["reporting_consent"],
                reported_elsewhere=data["reported_elsewhere"],
                narrative=data["narrative"],
            )
        except (ValidationError, CaseError) as exc:
            form.add_error(None, error_text(exc))
        else:
            messages.success(
                request,
                _("Insiden dicatat: %(t)s.") % {"t": incident.get_gbv_type_display()},
            )
            return redirect("cases:detail", case_id=case.public_id)
    return render(request, "cases/incident_form.html", {"case": case, "form": form})
