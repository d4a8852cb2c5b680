"""A user's saved case-list filters."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from naungan.accounts.access import request_user, role_required
from naungan.accounts.roles import CASE_ROLES
from naungan.cases import selectors
from naungan.cases.forms.saved_filters import SavedFilterForm
from naungan.cases.services import saved_filters as saved_filter_services
from naungan.cases.views.cases import list_url
from naungan.core.http import error_text


@role_required(CASE_ROLES)
@require_http_methods(["GET", "POST"])
def saved_filters(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if request.method == "POST":
        form = SavedFilterForm(request.POST)
        if form.is_valid():
            try:
                saved = saved_filter_services.saved_filter_save(
                    actor=user, name=form.cleaned_data["name"], query=form.cleaned_data["query"]
                )
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
            else:
                messages.success(request, _("Saringan “%(n)s” disimpan.") % {"n": saved.name})
                return redirect(list_url(saved.query))
    else:
        form = SavedFilterForm(
            initial={"query": saved_filter_services.clean_filter_query(request.GET.urlencode())}
        )
    context = {
        "form": form,
        "saved": list(selectors.saved_filters_of(user=user)),
        "pending_query": form["query"].value() or "",
    }
    return render(request, "cases/supervisor/saved_filters.html", context)


@login_required
@require_POST
def saved_filter_delete(request: HttpRequest, filter_id: int) -> HttpResponse:
    user = request_user(request)
    saved = selectors.saved_filter_get(user=user, filter_id=filter_id)
    saved_filter_services.saved_filter_delete(actor=user, saved=saved)
    messages.success(request, _("Saringan dihapus."))
    return redirect("cases:saved_filters")
