from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .forms import AuditFilterForm
from .selectors import audit_events_filtered, audit_rows

AUDIT_PAGE_SIZE = 50


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cur:
            cur.execute("SELECT 1")
            cur.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The staff work list: what waits for the user, the most urgent first. Each app adds its
    sections through ``register_home_section``; a section answers ``None`` when it has
    nothing, and is placed by its ``order`` (lower first). With no section at all the page
    says, once, that nothing waits."""
    from .registry import home_sections

    sections = [s for s in (fn(request) for fn in home_sections()) if s]
    sections.sort(key=lambda s: s.get("order", 100))
    return render(request, "core/home.html", {"sections": sections})


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit trail for ``AUDIT_READERS`` (supervisors: their area; administrators: all);
    anyone else the 404 page. The selector decides, so the rule is written once. Filters stay
    in the URL; each row names its record as a person knows it, linked where the reader may
    open it (``audit_rows``)."""
    form = AuditFilterForm(request.GET or None)
    filters = form.filters()
    events = audit_events_filtered(request.user, filters)
    if events is None:
        raise Http404
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/audit_log.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "rows": audit_rows(request.user, page.object_list),
        },
    )
