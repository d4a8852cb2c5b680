"""Exporting the filtered case list (CSV, XLSX)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from naungan.accounts.access import request_user, role_required
from naungan.accounts.roles import SUPERVISORS
from naungan.cases import selectors
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.exports import ExportForm
from naungan.cases.services import exports
from naungan.cases.views.cases import filter_form
from naungan.core.http import error_text


@role_required(SUPERVISORS)
@require_http_methods(["GET", "POST"])
def case_export(request: HttpRequest) -> HttpResponse:
    """GET: the export form for the current filters (with the row count). POST: the file."""
    user = request_user(request)
    if request.method == "POST":
        form = ExportForm(request.POST)
        query = request.POST.get("query", "")
    else:
        query = request.GET.urlencode()
        form = ExportForm(initial={"query": query})
    _f, filters = filter_form(QueryDict(query))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = exports.cases_export(
                actor=user,
                filters=filters,
                fmt=data["fmt"],
                include_identities=data["include_identities"],
                reason=data["reason"],
                request=request,
            )
        except (ValidationError, CaseError) as exc:
            form.add_error(None, error_text(exc))
        else:
            response = HttpResponse(result.content, content_type=result.content_type)
            response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
            response["Cache-Control"] = "no-store"
            response["X-Content-Type-Options"] = "nosniff"
            return response
    count = selectors.case_list(user=user, filters=filters).count()
    context = {
        "form": form,
        "count": count,
        "limit": exports.EXPORT_MAX_ROWS,
        "query": query,
    }
    response = render(request, "cases/supervisor/export.html", context)
    response["Cache-Control"] = "no-store"
    return response
