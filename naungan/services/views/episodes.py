"""The services of a case: the section on the case page, the services page (list and the forms
that open each service), one episode's page, ending a service."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
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
from naungan.cases import selectors as case_selectors
from naungan.cases.exceptions import CaseError
from naungan.cases.models import Case
from naungan.cases.views.cases import form_errors_add

from .. import selectors, services
from ..clocks import CLOCKS
from ..forms.accompaniment import AccompanimentForm, NextHearingForm, PartnerClockForm
from ..forms.episodes import EndForm
from ..forms.mediation import AgreementForm, MediationOpenForm, SessionForm
from ..forms.outreach import OutreachOpenForm, SafetyCheckForm, VisitPlanForm, VisitResultForm
from ..forms.shelter import DischargeForm, ExtensionDecideForm, ExtensionForm, ShelterAdmitForm
from ..models import PartnerClock, Service, ServiceEpisode
from ._common import episode_action, episode_url, writer_of, zone_of


def _clocks(case: Case) -> list[dict[str, Any]]:
    """The partner clocks on the case, each with its legal source and duty."""
    by_source = {c.source: (PartnerClock(key).label, c) for key, c in CLOCKS.items()}
    return [
        {
            "task": t,
            "label": by_source[t.source_rule][0],
            "source": t.source_rule,
            "duty": by_source[t.source_rule][1].duty,
        }
        for t in selectors.case_partner_clocks(case=case).select_related("owner")
    ]


def case_services_section(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """The services section of the case page (registered with ``naungan.core.registry``):
    the episodes, an active stay, why mediation is not possible, the partner clocks."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return None
    return {
        "template": "services/partials/case_section.html",
        "episodes": list(selectors.case_episodes(case=case)[:8]),
        "stay": selectors.case_active_stay(case=case),
        "mediation_refusal": services.mediation_refusal(case),
        "clocks": _clocks(case),
        "can_write": writer_of(user, case),  # type: ignore[arg-type]
    }


def services_context(user: User, case: Case) -> dict[str, Any]:
    """What the services page shows, with blank forms for each service the writer may open."""
    can_write = writer_of(user, case)
    supervisor = can_write and user.role in SUPERVISORS
    occupancy = selectors.shelter_occupancy(user=user) if can_write else []
    refusal = services.mediation_refusal(case)
    context: dict[str, Any] = {
        "case": case,
        "zone": case.area.timezone,
        "episodes": list(selectors.case_episodes(case=case)),
        "stay": selectors.case_active_stay(case=case),
        "occupancy": occupancy,
        "all_full": bool(occupancy) and all(o.full for o in occupancy),
        "mediation_refusal": refusal,
        "clocks": _clocks(case),
        "can_write": can_write,
        "is_supervisor": supervisor,
    }
    if can_write:
        context |= {
            "outreach_form": OutreachOpenForm(),
            "shelter_form": ShelterAdmitForm(shelters=occupancy, supervisor=supervisor),
            "mediation_form": None if refusal else MediationOpenForm(),
            "accompaniment_form": AccompanimentForm(),
            "clock_form": PartnerClockForm(),
        }
    return context


def render_services(
    request: HttpRequest, user: User, case: Case, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The services page (audited read); ``forms`` replace the blank ones."""
    context = services_context(user, case) | forms
    services.episodes_read_audit(actor=user, case=case, request=request)
    return render(request, "services/services.html", context, status=status)


@login_required
def services_page(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """The services given on a case and, for its writers, the forms that open them. Readers
    of the case (intake who created it) see the list only; anyone else: 404."""
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    return render_services(request, user, case)


def _open_form(service: str, user: User, case: Case, data: Any) -> forms.Form | None:
    if service == Service.OUTREACH:
        return OutreachOpenForm(data)
    if service == Service.SHELTER:
        return ShelterAdmitForm(
            data,
            shelters=selectors.shelter_occupancy(user=user),
            supervisor=user.role in SUPERVISORS,
        )
    if service == Service.MEDIATION:
        return MediationOpenForm(data)
    if service == Service.ACCOMPANIMENT:
        return AccompanimentForm(data)
    return None


def _episode_input(service: str, user: User, form: forms.Form) -> services.EpisodeIn:
    d = form.cleaned_data
    data = services.EpisodeIn(
        service=service,
        started_at=d.get("started_at"),
        place=d.get("place", ""),
        notes=d.get("notes", ""),
    )
    if isinstance(form, OutreachOpenForm):
        data.visit = form.to_visit()
    elif isinstance(form, ShelterAdmitForm):
        data.organisation = case_selectors.organisation_by_slug(d["organisation"])
        data.shelter = form.to_stay()
    elif isinstance(form, MediationOpenForm):
        data.mediation = form.to_mediation()
    elif isinstance(form, AccompanimentForm):
        data.accompaniment = form.to_accompaniment()
    return data


@login_required
@require_POST
def service_open(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Open a service from its form on the services page; a refusal (no free bed, mediation
    forbidden by law …) shows the page again with the form as typed and the reason (422)."""
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    service = request.POST.get("service", "")
    with timezone.override(zone_of(case)):
        form = _open_form(service, user, case, request.POST)
        if form is None:
            messages.error(request, _("Layanan tidak dikenal."))
            return redirect("services:case_services", case_id=case.public_id)
        if form.is_valid():
            try:
                opened = services.episode_open(
                    actor=user, case=case, data=_episode_input(service, user, form)
                )
            except (ValidationError, CaseError) as exc:
                form_errors_add(form, exc)
            else:
                for warning in opened.warnings:
                    messages.warning(request, warning)
                messages.success(
                    request, _("Layanan %(s)s dicatat.") % {"s": Service(service).label}
                )
                return episode_url(opened.episode)
    return render_services(request, user, case, status=422, **{f"{service}_form": form})


def episode_context(user: User, case: Case, episode: ServiceEpisode) -> dict[str, Any]:
    """What one episode's page shows, and blank forms for the steps the writer may take."""
    can_write = writer_of(user, case)
    context: dict[str, Any] = {
        "case": case,
        "episode": episode,
        "zone": case.area.timezone,
        "can_write": can_write,
        "can_decide": can_write and user.role in SUPERVISORS,
        "user": user,
        "form_target": None,
    }
    if episode.service == Service.SHELTER:
        stay = episode.stay
        context |= {
            "stay": stay,
            "extensions": list(stay.extensions.select_related("requested_by", "decided_by")),
            "extension_form": ExtensionForm(),
            "decide_form": ExtensionDecideForm(),
            "discharge_form": DischargeForm(),
        }
    elif episode.service == Service.OUTREACH:
        context |= {
            "visits": list(selectors.episode_visits(episode=episode)),
            "visit_form": VisitPlanForm(),
            "safety_form": SafetyCheckForm(),
            "result_form": VisitResultForm(),
        }
    elif episode.service == Service.MEDIATION:
        mediation = selectors.episode_mediation(episode=episode)
        context |= {
            "mediation": mediation,
            "sessions": list(mediation.sessions.all()),
            "mediation_refusal": services.mediation_refusal(case),
            "session_form": SessionForm(),
            "agreement_form": AgreementForm(),
        }
    elif episode.service == Service.ACCOMPANIMENT:
        context |= {
            "accompaniment": selectors.episode_accompaniment(episode=episode),
            "hearing_form": NextHearingForm(),
        }
    if episode.service != Service.SHELTER:
        context["end_form"] = EndForm()
    return context


def render_episode(
    request: HttpRequest,
    user: User,
    case: Case,
    episode: ServiceEpisode,
    *,
    status: int = 200,
    **forms: Any,
) -> HttpResponse:
    """One episode's page (audited read); the shelter's address only for those who must take
    the victim there (``shelter_address_read``, audited too)."""
    context = episode_context(user, case, episode) | forms
    if "stay" in context:
        context["address"] = services.shelter_address_read(
            actor=user, stay=context["stay"], request=request
        )
    services.episodes_read_audit(
        actor=user, case=case, categories="services,narrative", request=request
    )
    return render(request, "services/episode.html", context, status=status)


@login_required
def episode_page(request: HttpRequest, case_id: UUID, episode_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    episode = selectors.case_episode_get(case=case, episode_id=episode_id)
    return render_episode(request, user, case, episode)


@episode_action("end_form", EndForm)
def episode_end(request: HttpRequest, user: User, episode: ServiceEpisode, form: EndForm) -> str:
    services.episode_end(
        actor=user,
        episode=episode,
        ended_at=form.cleaned_data["ended_at"],
        outcome=form.cleaned_data["outcome"],
    )
    return _("Layanan ditandai selesai.")
