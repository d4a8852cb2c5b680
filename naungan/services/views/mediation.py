"""Mediation actions on an episode's page: a session, the agreement."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from naungan.accounts.models import User

from .. import selectors, services
from ..forms.mediation import AgreementForm, SessionForm
from ..models import ServiceEpisode
from ._common import episode_action


@episode_action("session_form", SessionForm)
def session_add(
    request: HttpRequest, user: User, episode: ServiceEpisode, form: SessionForm
) -> str:
    services.mediation_session_record(
        actor=user,
        mediation=selectors.episode_mediation(episode=episode),
        held_at=form.cleaned_data["held_at"],
        parties=form.cleaned_data["parties"],
        minutes=form.cleaned_data["minutes"],
    )
    return _("Pertemuan mediasi dicatat.")


@episode_action("agreement_form", AgreementForm)
def agreement_record(
    request: HttpRequest, user: User, episode: ServiceEpisode, form: AgreementForm
) -> str:
    services.mediation_agreement_record(
        actor=user,
        mediation=selectors.episode_mediation(episode=episode),
        agreement=form.cleaned_data["agreement"],
        signed_on=form.cleaned_data["signed_on"],
        follow_up_on=form.cleaned_data["follow_up_on"],
    )
    return _("Kesepakatan mediasi dicatat.")
