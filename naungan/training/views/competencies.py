"""Competency pages: one's own competencies and certificates, who in the area needs which
training before a competency expires, and recording a competency directly."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from naungan.accounts.access import request_user, role_required
from naungan.accounts.roles import (
    COMPETENCY_EXPIRY_READERS,
    PREVENTION_COORDINATORS,
    TRAINING_MANAGERS,
    TRAINING_READERS,
    user_in,
)
from naungan.core.exceptions import DomainError
from naungan.core.http import form_errors_add

from .. import selectors, services
from ..forms.competencies import ExpiryFilterForm, GrantForm


@role_required(TRAINING_READERS)
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    return render(
        request,
        "training/mine.html",
        {
            "standing": selectors.standing_of(user),
            "participations": list(selectors.participations_of(user)),
            "requirements": list(selectors.requirements_of_unit(user)),
            "manager": user_in(user, TRAINING_MANAGERS),
        },
    )


@role_required(COMPETENCY_EXPIRY_READERS)
@require_GET
def expiring(request: HttpRequest) -> HttpResponse:
    """Who needs which training before it expires (HTMX: the filter refreshes the table):
    managers everyone in their area, coordinators (the Kasi Kessos) their area's activists."""
    user = request_user(request)
    form = ExpiryFilterForm(
        request.GET or None,
        organisations=selectors.organisations_in_scope(user),
        initial={"days": settings.TRAINING_EXPIRY_WARNING_DAYS},
    )
    days, org = settings.TRAINING_EXPIRY_WARNING_DAYS, None
    if form.is_bound and form.is_valid():
        if form.cleaned_data["days"] is not None:
            days = form.cleaned_data["days"]
        org = form.cleaned_data["organisation"]
    lines = (
        selectors.expiring_competencies(user=user, days=days, organisation=org)
        if not form.is_bound or form.is_valid()
        else []
    )
    template = "training/expiring.html"
    if getattr(request, "htmx", False):
        template += "#table"
    return render(
        request,
        template,
        {
            "form": form,
            "lines": lines,
            "days": days,
            "expired": sum(1 for x in lines if x.held.expired),
            "activists_only": not user_in(user, TRAINING_MANAGERS),
        },
    )


@role_required(TRAINING_MANAGERS)
def grant(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = GrantForm(
        request.POST if request.method == "POST" else None,
        people=selectors.people_in_scope(user)
        .select_related("organisation")
        .order_by("first_name", "last_name", "username"),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.competency_grant_record(
                    actor=user,
                    holder=d["user"],
                    competency=d["competency"],
                    granted_on=d["granted_on"],
                    expires_on=d["expires_on"],
                    note=d["note"],
                )
            except (ValidationError, DomainError) as exc:
                form_errors_add(form, exc)
            else:
                messages.success(request, _("Kompetensi dicatat."))
                return redirect("training:expiring")
        status = 422
    return render(request, "training/grant.html", {"form": form}, status=status)


def home_expiry_section(request: HttpRequest) -> dict[str, Any] | None:
    """On a coordinator's home page (the Kasi Kessos): how many of their area's activists need a
    training before a competency expires (or already expired), with the way to the list."""
    user = request.user
    if not user_in(user, PREVENTION_COORDINATORS):
        return None
    lines = selectors.expiring_competencies(user=user, days=settings.TRAINING_EXPIRY_WARNING_DAYS)
    return {
        "template": "training/partials/home_expiry.html",
        "lines": len(lines),
        "people": len({x.person.pk for x in lines}),
        "expired": sum(1 for x in lines if x.held.expired),
        "days": settings.TRAINING_EXPIRY_WARNING_DAYS,
        "order": 21,
    }
