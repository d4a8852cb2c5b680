"""Case pages: the list, opening a case (people searched first), the case page, converting a
report, and ``case_action``, the frame of every POST action on the case page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user, role_required
from naungan.accounts.models import User
from naungan.accounts.roles import CASE_CREATORS, CASE_ROLES, SUPERVISORS
from naungan.cases import selectors, services
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.assignment import AssignForm
from naungan.cases.forms.cases import CaseCreateForm, CaseFilterForm
from naungan.cases.forms.messages import CaseMessageForm
from naungan.cases.forms.tasks import NoteForm
from naungan.cases.forms.workflow import ClosureForm, DecideForm, ReasonForm
from naungan.cases.models import Case, CaseStatus, PartyRole
from naungan.cases.services import TRANSITIONS
from naungan.core.http import error_text, form_errors_add
from naungan.core.registry import case_banners, case_sections

PAGE_SIZE = 25
PARTY_ORDER: dict[str, int] = {PartyRole.VICTIM: 0, PartyRole.PERPETRATOR: 1}


@role_required(CASE_ROLES)
def case_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form, filters = filter_form(request.GET or None)
    qs = selectors.case_list(user=user, filters=filters)
    invalid = filters.invalid  # a filter that cannot be read: the page says which
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    services.case_list_audit(actor=user, count=len(page.object_list), request=request)
    template = "cases/list.html#results" if getattr(request, "htmx", False) else "cases/list.html"
    return render(
        request,
        template,
        {"form": form, "page": page, "filtered": bool(filters)},
        status=422 if invalid and not getattr(request, "htmx", False) else 200,
    )


@role_required(CASE_CREATORS)
def case_create(request: HttpRequest) -> HttpResponse:
    """Create a case after searching for the people first (DESIGN §4 search before create)."""
    user = request_user(request)
    matches: list[dict[str, Any]] | None = None
    if request.method == "POST":
        form = CaseCreateForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if request.POST.get("action") == "search":
                birth = data.get("victim_birth_date")
                matches, hidden = selectors.person_matches(
                    user=user,
                    nik=data["victim_nik"],
                    phone=data["victim_phone"],
                    name=data["victim_name"],
                    birth_year=birth.year if birth else None,
                    age=data["victim_age"],
                )
                services.match_hidden_alert(actor=user, cases=hidden)
            else:
                case = _create_from_form(request, user, form)
                if case is not None:
                    messages.success(request, _("Kasus %(n)s dibuat.") % {"n": case})
                    return redirect("cases:detail", case_id=case.public_id)
    else:
        initial = {"area_code": user.area.code if user.area else ""}
        form = CaseCreateForm(initial=initial)
    return render(request, "cases/create.html", {"form": form, "matches": matches})


def _create_from_form(request: HttpRequest, user: User, form: CaseCreateForm) -> Case | None:
    data = form.cleaned_data
    area = selectors.area_by_code(data["area_code"])
    if area is None:
        form.add_error("area_code", _("Kode wilayah tidak dikenal."))
        return None
    received_at = data.get("received_at")
    if received_at is not None and timezone.is_naive(received_at):
        received_at = received_at.replace(tzinfo=ZoneInfo(area.timezone))
    link = data.get("link_person")
    victim = services.PersonIn(
        person_id=str(link) if link else None,
        name=data["victim_name"],
        age=data["victim_age"],
        sex=data["victim_sex"],
        nik=data["victim_nik"],
        phone=data["victim_phone"],
        birth_date=data["victim_birth_date"],
    )
    perpetrators = []
    if data["perpetrator_relationship"] or data["perpetrator_age"] is not None:
        perpetrators.append(
            services.PersonIn(
                relationship=data["perpetrator_relationship"], age=data["perpetrator_age"]
            )
        )
    try:
        return services.case_create(
            actor=user,
            area=area,
            channel=data["channel"],
            received_at=received_at,
            violence_types=data["violence_types"],
            description=data["description"],
            triage=data["triage"],
            restricted=data["restricted"],
            victims=[victim],
            perpetrators=perpetrators,
        )
    except ValidationError as exc:
        for field, errors in getattr(exc, "message_dict", {"__all__": exc.messages}).items():
            form.add_error(field if field in form.fields else None, errors)
    except CaseError as exc:
        form.add_error(None, exc.message)
    return None


@login_required
def case_detail(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = selectors.case_detail(user=user, case_id=case_id)
    services.assignment_seen(actor=user, case=case)  # no longer "new" on their home page
    return render_detail(request, user, case)


def render_detail(
    request: HttpRequest, user: User, case: Case, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The case page (audited read of the case and of the reporter's thread); ``forms``
    replace the blank ones, so that input is kept when a form comes back with errors."""
    services.case_read_audit(
        actor=user, case=case, categories="identity,contact,narrative", request=request
    )
    thread = services.case_thread_read(actor=user, case=case, request=request)
    can_write = selectors.case_is_writable(user=user, case=case)
    is_supervisor = can_write and user.role in SUPERVISORS
    parties = list(case.parties.all())
    pending = selectors.case_pending_closure(case=case)
    context = {
        "case": case,
        "zone": case.area.timezone,
        "victims": [p for p in parties if p.role == PartyRole.VICTIM],
        "perpetrators": [p for p in parties if p.role == PartyRole.PERPETRATOR],
        "others": [p for p in parties if p.role not in (PartyRole.VICTIM, PartyRole.PERPETRATOR)],
        # The case's writers see withdrawn incidents too, struck with the reason.
        "incidents": selectors.case_incidents(case=case, include_withdrawn=can_write),
        # Victims first, then alleged perpetrators, then the others, each in the order added.
        "parties": sorted(parties, key=lambda p: (PARTY_ORDER.get(p.role, 2), p.pk)),
        "can_edit_parties": can_write and case.status != CaseStatus.CLOSED,
        "tasks": list(case.tasks.all()),
        "timeline": selectors.case_timeline(case=case),
        "thread": thread,
        "thread_unread": sum(1 for m in thread if getattr(m, "unread", False)),
        "can_write": can_write,
        "is_supervisor": is_supervisor,
        "next_statuses": [
            (s, CaseStatus(s).label) for s in sorted(TRANSITIONS.get(case.status, ()))
        ],
        "pending_closure": pending,
        "can_decide": is_supervisor and pending is not None and pending.requested_by_id != user.pk,
        "assign_form": AssignForm(case=case) if is_supervisor else None,
        "closure_form": ClosureForm(),
        "decide_form": DecideForm(),
        "reopen_form": ReasonForm(),
        "waive_form": None,
        "waive_task_id": None,
        "note_form": NoteForm(),
        "message_form": CaseMessageForm(),
        "now": timezone.now(),
        # What later apps add to the page (the services given on the case …).
        "case_sections": [s for fn in case_sections() if (s := fn(request, case)) is not None],
        "case_banners": [b for fn in case_banners() if (b := fn(request, case)) is not None],
    }
    context |= forms
    return render(request, "cases/detail.html", context, status=status)


def case_action(
    handler: Callable[[HttpRequest, User, Case], str | None],
) -> Callable[[HttpRequest, UUID], HttpResponse]:
    """A POST-only action on a writable case without typed text (assign, status change): run
    ``handler`` (which calls a service and returns a success message), show domain errors as
    messages, go back to the case."""

    @login_required
    @require_POST
    def view(request: HttpRequest, case_id: UUID) -> HttpResponse:
        user = request_user(request)
        case = selectors.case_get_for_write(user=user, case_id=case_id)
        try:
            message = handler(request, user, case)
        except (ValidationError, CaseError) as exc:
            messages.error(request, error_text(exc))
        else:
            if message:
                messages.success(request, message)
        return redirect("cases:detail", case_id=case.public_id)

    view.__name__ = handler.__name__
    return view


def action_refused(
    request: HttpRequest, user: User, case: Case, form_key: str, form: forms.Form, **extra: Any
) -> HttpResponse:
    """422 with the case page again: the typed text kept, the error next to its field."""
    detail = selectors.case_detail(user=user, case_id=case.public_id)
    return render_detail(request, user, detail, status=422, **{form_key: form}, **extra)


def case_form_action(
    form_key: str, form_class: type[forms.Form]
) -> Callable[
    [Callable[[HttpRequest, User, Case, Any], str]], Callable[[HttpRequest, UUID], HttpResponse]
]:
    """A POST-only action with typed text on a writable case: the form ``form_class`` is
    checked, then ``handler`` calls the service and returns a success message (then back to
    the case). An invalid value or a refusal shows the case page again (422) with the text
    kept and the error next to the field (``form_key`` in the page's context)."""

    def decorate(
        handler: Callable[[HttpRequest, User, Case, Any], str],
    ) -> Callable[[HttpRequest, UUID], HttpResponse]:
        @login_required
        @require_POST
        def view(request: HttpRequest, case_id: UUID) -> HttpResponse:
            user = request_user(request)
            case = selectors.case_get_for_write(user=user, case_id=case_id)
            form = form_class(request.POST)
            if form.is_valid():
                try:
                    message = handler(request, user, case, form)
                except (ValidationError, CaseError) as exc:
                    form_errors_add(form, exc)
                else:
                    messages.success(request, message)
                    return redirect("cases:detail", case_id=case.public_id)
            return action_refused(request, user, case, form_key, form)

        view.__name__ = handler.__name__
        return view

    return decorate


def invalid_form_error(form: Any) -> ValidationError:
    return ValidationError([str(e) for errors in form.errors.values() for e in errors])


@role_required(CASE_CREATORS)
@require_POST
def report_convert(request: HttpRequest, report_id: UUID) -> HttpResponse:
    """POST from the report page: turn the report into a case and open it."""
    from naungan.reports.selectors import report_get

    user = request_user(request)
    report = report_get(user=user, report_id=report_id)
    try:
        case = services.report_convert(actor=user, report=report)
    except (ValidationError, CaseError) as exc:
        messages.error(request, error_text(exc))
        return redirect("reports:detail", report_id=report.public_id)
    messages.success(request, _("Laporan menjadi kasus %(n)s.") % {"n": case})
    return redirect("cases:detail", case_id=case.public_id)


def filter_form(query: QueryDict | None) -> tuple[CaseFilterForm, selectors.CaseFilters]:
    """The case list's filter form for ``query`` and the filters it gives (none when the form
    is invalid): the list page, bulk assignment and exports read the URL's filters alike."""
    form = CaseFilterForm(query)
    if form.is_bound and not form.is_valid():
        # A filter that cannot be read matches nothing (never every case: an export or a bulk
        # assignment must not widen to the whole scope); the list page names the field.
        return form, selectors.CaseFilters(invalid=True)
    return form, selectors.CaseFilters.from_form(form.cleaned_data if form.is_valid() else {})


def list_url(query: str) -> str:
    url = reverse("cases:list")
    return f"{url}?{query}" if query else url
