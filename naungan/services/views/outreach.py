"""Outreach actions on an episode's page: plan a visit, the safety check, departure, result."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext as _

from naungan.accounts.models import User

from .. import selectors, services
from ..forms.outreach import SafetyCheckForm, VisitPlanForm, VisitResultForm
from ..models import ServiceEpisode
from ._common import episode_action


@episode_action("visit_form", VisitPlanForm)
def visit_plan(
    request: HttpRequest, user: User, episode: ServiceEpisode, form: VisitPlanForm
) -> str:
    services.outreach_visit_plan(actor=user, episode=episode, visit=form.to_visit())
    return _("Kunjungan direncanakan. Periksa keamanan sebelum tim berangkat.")


@episode_action("safety_form", SafetyCheckForm)
def visit_safety(
    request: HttpRequest,
    user: User,
    episode: ServiceEpisode,
    form: SafetyCheckForm,
    visit_id: UUID,
) -> str:
    visit = selectors.episode_visit_get(episode=episode, visit_id=visit_id)
    services.outreach_safety_check(
        actor=user,
        visit=visit,
        perpetrator_present=form.cleaned_data["perpetrator_present"] == "yes",
        safe_for_victim=form.cleaned_data["safe_for_victim"] == "yes",
        note=form.cleaned_data["note"],
    )
    return _("Pemeriksaan keamanan dicatat.")


@episode_action(None)
def visit_depart(
    request: HttpRequest, user: User, episode: ServiceEpisode, form: None, visit_id: UUID
) -> str:
    visit = selectors.episode_visit_get(episode=episode, visit_id=visit_id)
    services.outreach_depart(actor=user, visit=visit)
    return _("Tim berangkat.")


@episode_action("result_form", VisitResultForm)
def visit_result(
    request: HttpRequest,
    user: User,
    episode: ServiceEpisode,
    form: VisitResultForm,
    visit_id: UUID,
) -> str:
    visit = selectors.episode_visit_get(episode=episode, visit_id=visit_id)
    services.outreach_result(
        actor=user, visit=visit, result=form.cleaned_data["result"], note=form.cleaned_data["note"]
    )
    return _("Hasil kunjungan dicatat.")
