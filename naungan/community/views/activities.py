"""Prevention activity pages: the activist's form (phone-first), the list, the monthly summary
per kelurahan (with its group) for an area, and the kecamatan's printable report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from naungan.accounts.access import role_required
from naungan.accounts.roles import ACTIVISTS, ACTIVITY_SUMMARY_READERS
from naungan.areas.models import Area, AreaLevel
from naungan.core.audit import audit_record
from naungan.core.exceptions import DomainError
from naungan.core.http import form_errors_add
from naungan.core.models import AuditAction

from .. import selectors, services
from ..forms.activities import PHOTO_WARNING, ActivityForm, SummaryFilterForm
from ..models.activities import ATTENDANCE_FIELDS
from ._common import kelurahan_choices, not_found_as_404, this_month

PAGE_SIZE = 25


@role_required(ACTIVISTS)
@require_http_methods(["GET", "POST"])
def activity_new(request: HttpRequest) -> HttpResponse:
    form = ActivityForm(request.POST or None, kelurahan=kelurahan_choices(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_create(actor=request.user, data=form.to_input(), request=request)
            messages.success(request, _("Kegiatan tersimpan. Terima kasih."))
            return redirect("community:activities")
        except ValidationError as exc:
            # The rule's names: attendance.women → the form's women field.
            for field, errors in exc.message_dict.items():
                name = field.split(".")[-1]
                form.add_error(name if name in form.fields else None, errors)
        except DomainError as exc:
            form_errors_add(form, exc)
    status = 422 if form.errors else 200
    return render(
        request,
        "community/activity_form.html",
        {"form": form, "photo_warning": PHOTO_WARNING},
        status=status,
    )


@role_required(ACTIVITY_SUMMARY_READERS)
def activity_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.activities_visible_to(request.user).select_related("area", "group")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "community/activity_list.html", {"page": page})


def _summary_context(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    own: Area | None = getattr(user, "area", None)
    if own is None:
        raise Http404
    areas = [(own.code, own.name)]
    if own.level != AreaLevel.VILLAGE:
        areas += [
            (a.code, a.name)
            for a in Area.objects.filter(own.contains_q(), level=AreaLevel.DISTRICT)
            .exclude(pk=own.pk)  # a kecamatan account: its kecamatan once
            .order_by("name")
        ]
    form = SummaryFilterForm(request.GET or None, areas=areas)
    area_code = request.GET.get("area") or own.code
    month = request.GET.get("month") or this_month()
    area = selectors.summary_area(user=user, area_code=area_code)
    try:
        start, end = selectors.month_parse(month)
    except ValidationError:
        month = this_month()
        start, end = selectors.month_parse(month)
    rows = selectors.activity_summary_rows(user=user, area=area, start=start, end=end)
    total = selectors.activity_summary(user=user, area_code=area.code, month=month)
    return {
        "form": form,
        "area": area,
        "month": month,
        "month_start": start,
        "rows": rows,
        "total": total,
        "fields": ATTENDANCE_FIELDS,
        "printable": area.level == AreaLevel.DISTRICT,
    }


@role_required(ACTIVITY_SUMMARY_READERS)
@not_found_as_404
def summary(request: HttpRequest) -> HttpResponse:
    return render(request, "community/summary.html", _summary_context(request))


@role_required(ACTIVITY_SUMMARY_READERS)
@not_found_as_404
def summary_print(request: HttpRequest) -> HttpResponse:
    """The kecamatan's printable monthly report (the browser prints it)."""
    context = _summary_context(request)
    area = context["area"]
    audit_record(
        actor=request.user,
        action=AuditAction.PRINT,
        object_type="community.activity_summary",
        object_id=area.code,
        area_code=area.code,
        request=request,
    )
    return render(request, "community/summary_print.html", context)
