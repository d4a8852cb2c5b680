"""The directory of partner providers (``/mitra/``): a GET search by service, area and name
that works without JavaScript (HTMX refreshes only the results), and a provider's page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from naungan.accounts.access import request_user, role_required
from naungan.accounts.roles import STAFF_ROLES

from .. import selectors, words
from ..forms.directory import DirectoryForm

PER_PAGE = 20


@role_required(STAFF_ROLES)
@require_safe
def directory_page(request: HttpRequest) -> HttpResponse:
    """Providers serving the chosen area (the user's scope by default), offering the chosen
    service, nearest first (``selectors.directory_search``)."""
    user = request_user(request)
    form = DirectoryForm(request.GET or None, user=user)
    area, service, text = form.scope, "", ""
    if form.is_bound and form.is_valid():
        area = form.cleaned_data["area"]
        service = form.cleaned_data["service"]
        text = form.cleaned_data["q"]
    entries = selectors.directory_search(area=area, service=service, text=text)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    template = "orgs/directory.html#results" if getattr(request, "htmx", False) else None
    return render(
        request,
        template or "orgs/directory.html",
        {
            "form": form,
            "page": page,
            "area": area,
            "nearness": words.nearness_texts(area),
            "filtered": bool(service or text or area != form.scope),
        },
    )


@role_required(STAFF_ROLES)
@require_safe
def provider_page(request: HttpRequest, slug: str) -> HttpResponse:
    """One provider of the user's directory: 404 when it does not serve their area."""
    user = request_user(request)
    entry = selectors.directory_provider_get(user=user, slug=slug)
    return render(request, "orgs/provider.html", {"entry": entry, "org": entry.org})
