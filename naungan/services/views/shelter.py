"""Shelter pages: the live occupancy of the shelters, a stay's extension, its decision and the
discharge, and the shelters' line on the staff home page."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from naungan.accounts.access import request_user, role_required
from naungan.accounts.models import User
from naungan.accounts.roles import CASE_WRITER_ROLES, user_in

from .. import selectors, services
from ..forms.shelter import DischargeForm, ExtensionDecideForm, ExtensionForm
from ..models import ServiceEpisode, ShelterStay
from ._common import episode_action, zone_of


@role_required(CASE_WRITER_ROLES)
def occupancy_page(request: HttpRequest) -> HttpResponse:
    """Beds, occupied and free of the shelters covering the user's area, as they are now
    (the table refreshes itself every 30 seconds through HTMX)."""
    user = request_user(request)
    template = (
        "services/occupancy.html#table"
        if getattr(request, "htmx", False)
        else "services/occupancy.html"
    )
    return render(
        request,
        template,
        {"occupancy": selectors.shelter_occupancy(user=user), "now": timezone.now()},
    )


def home_shelter_section(request: HttpRequest) -> dict[str, Any] | None:
    """On the staff home page of caseworkers and supervisors: free beds in their shelters."""
    user = request.user
    if not user_in(user, CASE_WRITER_ROLES):
        return None
    occupancy = selectors.shelter_occupancy(user=user)  # type: ignore[arg-type]
    if not occupancy:
        return None
    return {"template": "services/partials/home_shelters.html", "occupancy": occupancy}


def _stay(episode: ServiceEpisode) -> ShelterStay:
    stay = getattr(episode, "stay", None)
    if stay is None:
        raise Http404
    return stay  # type: ignore[no-any-return]


def _until(stay: ShelterStay, day: Any) -> datetime:
    """The new end on ``day``, at the planned end's time of day in the case's zone."""
    zone = zone_of(stay.episode.case)
    current = timezone.localtime(stay.planned_end_at, timezone=zone)
    return datetime.combine(day, current.timetz().replace(tzinfo=None), tzinfo=zone)


@episode_action("extension_form", ExtensionForm)
def extension_request(
    request: HttpRequest, user: User, episode: ServiceEpisode, form: ExtensionForm
) -> str:
    stay = _stay(episode)
    services.shelter_extension_request(
        actor=user,
        stay=stay,
        until=_until(stay, form.cleaned_data["until"]),
        reason=form.cleaned_data["reason"],
    )
    return _("Permintaan perpanjangan dikirim; menunggu persetujuan supervisor.")


@episode_action("decide_form", ExtensionDecideForm)
def extension_decide(
    request: HttpRequest,
    user: User,
    episode: ServiceEpisode,
    form: ExtensionDecideForm,
    extension_id: UUID,
) -> str:
    stay = _stay(episode)
    extension = selectors.stay_extension_get(stay=stay, extension_id=extension_id)
    approve = form.cleaned_data["approve"] == "yes"
    services.shelter_extension_decide(
        actor=user, extension=extension, approve=approve, note=form.cleaned_data["note"]
    )
    return _("Perpanjangan disetujui.") if approve else _("Perpanjangan ditolak.")


@episode_action("discharge_form", DischargeForm)
def discharge(
    request: HttpRequest, user: User, episode: ServiceEpisode, form: DischargeForm
) -> str:
    services.shelter_discharge(
        actor=user,
        stay=_stay(episode),
        discharged_at=form.cleaned_data["discharged_at"],
        destination=form.cleaned_data["destination"],
    )
    return _("Kepulangan dari rumah aman dicatat.")
