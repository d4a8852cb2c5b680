"""Accompaniment: the next hearing on an episode's page, and a partner clock on the services
page."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors as case_selectors
from naungan.cases.exceptions import CaseError
from naungan.cases.views.cases import form_errors_add

from .. import selectors, services
from ..forms.accompaniment import NextHearingForm, PartnerClockForm
from ..models import ServiceEpisode
from ._common import episode_action, zone_of


@episode_action("hearing_form", NextHearingForm)
def next_hearing(
    request: HttpRequest, user: User, episode: ServiceEpisode, form: NextHearingForm
) -> str:
    services.accompaniment_next_hearing(
        actor=user,
        accompaniment=selectors.episode_accompaniment(episode=episode),
        next_hearing_at=form.cleaned_data["next_hearing_at"],
    )
    return _("Sidang berikutnya dicatat sebagai tugas.")


@login_required
@require_POST
def partner_clock(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Start a partner's clock from the services page."""
    from .episodes import render_services

    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    with timezone.override(zone_of(case)):
        form = PartnerClockForm(request.POST)
        if form.is_valid():
            try:
                services.partner_clock_start(
                    actor=user,
                    case=case,
                    clock=form.cleaned_data["clock"],
                    started_at=form.cleaned_data["started_at"],
                )
            except (ValidationError, CaseError) as exc:
                form_errors_add(form, exc)
            else:
                messages.success(request, _("Tenggat mitra dimulai dan tampil sebagai tugas."))
                return redirect("services:case_services", case_id=case.public_id)
    return render_services(request, user, case, status=422, clock_form=form)
