"""The frames of the services' pages: the services page of a case, one episode's page, and
the POST actions on them (refusals shown next to the form, the typed text kept, 422)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors as case_selectors
from naungan.cases.exceptions import CaseError
from naungan.cases.models import Case
from naungan.cases.views.cases import form_errors_add
from naungan.core.http import error_text

from .. import selectors
from ..models import ServiceEpisode

Handler = Callable[..., str]


def zone_of(case: Case) -> ZoneInfo:
    """Typed date-times are read, and shown, in the case area's zone (WIB/WITA/WIT)."""
    return ZoneInfo(case.area.timezone)


def episode_url(episode: ServiceEpisode) -> Any:
    return redirect(
        "services:episode", case_id=episode.case.public_id, episode_id=episode.public_id
    )


def episode_action(
    form_key: str | None, form_class: type[forms.Form] | None = None
) -> Callable[[Handler], Callable[..., HttpResponse]]:
    """A POST action on one episode of a writable case. With ``form_class``, the form is
    checked, then ``handler(request, user, episode, form, **ids)`` calls the service and
    returns the success message; an invalid value or a refusal shows the episode page again
    (422) with the text kept and the error next to the field (``form_key`` in the page's
    context, ``form_target`` the record it is for). Without a form, a refusal is a message
    on the episode page."""

    def decorate(handler: Handler) -> Callable[..., HttpResponse]:
        @login_required
        @require_POST
        def view(request: HttpRequest, case_id: UUID, episode_id: UUID, **ids: Any) -> HttpResponse:
            from .episodes import render_episode

            user = request_user(request)
            case = case_selectors.case_get_for_write(user=user, case_id=case_id)
            episode = selectors.case_episode_get(case=case, episode_id=episode_id)
            with timezone.override(zone_of(case)):
                if form_class is None:
                    try:
                        message = handler(request, user, episode, None, **ids)
                    except (ValidationError, CaseError) as exc:
                        messages.error(request, error_text(exc))
                    else:
                        messages.success(request, message)
                    return episode_url(episode)
                form = form_class(request.POST)
                if form.is_valid():
                    try:
                        message = handler(request, user, episode, form, **ids)
                    except (ValidationError, CaseError) as exc:
                        form_errors_add(form, exc)
                    else:
                        messages.success(request, message)
                        return episode_url(episode)
            target = next(iter(ids.values()), None)
            return render_episode(
                request,
                user,
                case,
                selectors.case_episode_get(case=case, episode_id=episode_id),
                status=422,
                **{str(form_key): form, "form_target": target},
            )

        view.__name__ = handler.__name__
        return view

    return decorate


def writer_of(user: User, case: Case) -> bool:
    return case_selectors.case_is_writable(user=user, case=case) and case.status != "closed"
