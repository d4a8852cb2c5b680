"""Staff pages for cases. Thin: scoped reads from selectors, writes through services; a case
outside the user's scope is a 404, as in the API."""

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
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naungan.accounts.models import Role, User
from naungan.areas.models import Area

from . import selectors, services
from .exceptions import CaseError
from .forms import (
    AssignForm,
    CaseCreateForm,
    CaseFilterForm,
    CaseMessageForm,
    ClosureForm,
    DecideForm,
    IncidentForm,
    NoteForm,
    ReasonForm,
    TransitionForm,
)
from .models import Case, CaseStatus, PartyRole, Person
from .services import TRANSITIONS

PAGE_SIZE = 25


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(getattr(exc, "message", exc))


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.role not in (Role.CASEWORKER, Role.SUPERVISOR, Role.INTAKE):
        raise Http404
    form = CaseFilterForm(request.GET or None)
    filters: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    qs = selectors.case_list(
        user=user,
        status=filters.get("status", ""),
        area_code=filters.get("area", ""),
        violence_type=filters.get("violence_type", ""),
        q=filters.get("q", ""),
        overdue=bool(filters.get("overdue")),
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    services.case_list_audit(actor=user, count=len(page.object_list), request=request)
    template = "cases/list.html#results" if getattr(request, "htmx", False) else "cases/list.html"
    return render(
        request,
        template,
        {"form": form, "page": page, "filtered": any(filters.values()) if filters else False},
    )


@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    """Create a case after searching for the people first (DESIGN §4 search before create)."""
    user = _user(request)
    if user.role not in (Role.INTAKE, Role.SUPERVISOR):
        raise Http404
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
    area = Area.objects.filter(code=data["area_code"].strip()).first()
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
    user = _user(request)
    case = selectors.case_detail(user=user, case_id=case_id)
    return _render_detail(request, user, case)


def _render_detail(
    request: HttpRequest, user: User, case: Case, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The case page (audited read of the case and of the reporter's thread); ``forms``
    replace the blank ones, so that input is kept when a form comes back with errors."""
    services.case_read_audit(
        actor=user, case=case, categories="identity,contact,narrative", request=request
    )
    thread = services.case_thread_read(actor=user, case=case, request=request)
    can_write = selectors.cases_writable_by(user).filter(pk=case.pk).exists()
    is_supervisor = can_write and user.role == Role.SUPERVISOR
    parties = list(case.parties.all())
    pending = selectors.case_pending_closure(case=case)
    context = {
        "case": case,
        "zone": case.area.timezone,
        "victims": [p for p in parties if p.role == PartyRole.VICTIM],
        "perpetrators": [p for p in parties if p.role == PartyRole.PERPETRATOR],
        "others": [p for p in parties if p.role not in (PartyRole.VICTIM, PartyRole.PERPETRATOR)],
        "incidents": list(case.incidents.all()),
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
    }
    context |= forms
    return render(request, "cases/detail.html", context, status=status)


@login_required
@require_POST
def case_message(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """Answer the reporter from the case page (or from the report page, ``back=report``). An
    error shows the page again with the text kept."""
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    form = CaseMessageForm(request.POST)
    if form.is_valid():
        try:
            services.case_message_reply(
                actor=user, case=case, body=form.cleaned_data["body"], request=request
            )
        except ValidationError as exc:
            form.add_error("body", exc.message_dict.get("body", exc.messages))
        except CaseError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Balasan terkirim; pelapor melihatnya dari Petugas."))
            report = case.source_report
            if form.cleaned_data["back"] == "report" and report is not None:
                return redirect("reports:detail", report_id=report.public_id)
            return redirect(f"{resolve_url('cases:detail', case_id=case.public_id)}#thread")
    detail = selectors.case_detail(user=user, case_id=case.public_id)
    return _render_detail(request, user, detail, status=422, message_form=form)


def report_case_section(request: HttpRequest, report: Any) -> dict[str, Any] | None:
    """On a converted report's page: the case it became (a link for those who see it) and
    the reply form for the case's writers, who now answer the reporter."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return None
    cases = list(Case.objects.filter(source_report_id=report.pk).values_list("pk", flat=True))
    if not cases:
        return None
    case = selectors.cases_visible_to(user).filter(pk__in=cases).order_by("pk").first()  # type: ignore[arg-type]
    can_write = (
        case is not None and selectors.cases_writable_by(user).filter(pk=case.pk).exists()  # type: ignore[arg-type]
    )
    return {
        "template": "cases/partials/report_case_section.html",
        "case": case,
        "can_write": can_write,
        "message_form": CaseMessageForm(initial={"back": "report"}),
    }


@login_required
def incident_create(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    victims = Person.objects.filter(parties__case=case, parties__role=PartyRole.VICTIM).order_by(
        "parties__id"
    )
    choices = [
        (str(p.public_id), p.name or _("Korban tanpa nama") + f" ({str(p.public_id)[:8]})")
        for p in victims
    ]
    form = IncidentForm(request.POST or None, survivors=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        survivor = victims.filter(public_id=data["survivor"]).first()
        try:
            incident = services.incident_record(
                actor=user,
                case=case,
                survivor=survivor,
                answers=form.answers(),
                occurred_on=data["occurred_on"],
                occurred_on_approximate=data["occurred_on_approximate"],
                survivor_age=data["survivor_age"],
                place=data["place"],
                violence_types=data["violence_types"],
                perpetrator_relationship=data["perpetrator_relationship"],
                perpetrator_age=data["perpetrator_age"],
                money_goods_exchanged=data["money_goods_exchanged"],
                abduction=data["abduction"],
                harmful_traditional_practice=data["harmful_traditional_practice"],
                tpks_type=data["tpks_type"],
                reporting_consent=data["reporting_consent"],
                reported_elsewhere=data["reported_elsewhere"],
                narrative=data["narrative"],
            )
        except (ValidationError, CaseError) as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(
                request,
                _("Insiden dicatat: %(t)s.") % {"t": incident.get_gbv_type_display()},
            )
            return redirect("cases:detail", case_id=case.public_id)
    return render(request, "cases/incident_form.html", {"case": case, "form": form})


def _case_action(
    handler: Callable[[HttpRequest, User, Case], str | None],
) -> Callable[[HttpRequest, UUID], HttpResponse]:
    """A POST-only action on a writable case without typed text (assign, status change): run
    ``handler`` (which calls a service and returns a success message), show domain errors as
    messages, go back to the case."""

    @login_required
    @require_POST
    def view(request: HttpRequest, case_id: UUID) -> HttpResponse:
        user = _user(request)
        case = selectors.case_get_for_write(user=user, case_id=case_id)
        try:
            message = handler(request, user, case)
        except (ValidationError, CaseError) as exc:
            messages.error(request, _error_text(exc))
        else:
            if message:
                messages.success(request, message)
        return redirect("cases:detail", case_id=case.public_id)

    view.__name__ = handler.__name__
    return view


def _form_errors_add(form: forms.Form, exc: ValidationError | CaseError) -> None:
    """A service's refusal onto the form: next to its field when the form has that field."""
    if isinstance(exc, CaseError):
        form.add_error(None, str(exc.message))
    elif hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _action_refused(
    request: HttpRequest, user: User, case: Case, form_key: str, form: forms.Form, **extra: Any
) -> HttpResponse:
    """422 with the case page again: the typed text kept, the error next to its field."""
    detail = selectors.case_detail(user=user, case_id=case.public_id)
    return _render_detail(request, user, detail, status=422, **{form_key: form}, **extra)


def _case_form_action(
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
            user = _user(request)
            case = selectors.case_get_for_write(user=user, case_id=case_id)
            form = form_class(request.POST)
            if form.is_valid():
                try:
                    message = handler(request, user, case, form)
                except (ValidationError, CaseError) as exc:
                    _form_errors_add(form, exc)
                else:
                    messages.success(request, message)
                    return redirect("cases:detail", case_id=case.public_id)
            return _action_refused(request, user, case, form_key, form)

        view.__name__ = handler.__name__
        return view

    return decorate


def _invalid(form: Any) -> ValidationError:
    return ValidationError([str(e) for errors in form.errors.values() for e in errors])


@_case_action
def case_assign(request: HttpRequest, user: User, case: Case) -> str:
    form = AssignForm(request.POST, case=case)
    if not form.is_valid():
        raise _invalid(form)
    services.case_assign(
        actor=user, case=case, assignee=form.cleaned_data["user"], lead=form.cleaned_data["lead"]
    )
    return _("Penugasan disimpan.")


@_case_action
def case_transition(request: HttpRequest, user: User, case: Case) -> str:
    form = TransitionForm(request.POST)
    if not form.is_valid():
        raise _invalid(form)
    services.case_transition(
        actor=user, case=case, to_status=form.cleaned_data["to"], reason=form.cleaned_data["reason"]
    )
    return _("Status kasus diperbarui.")


@_case_form_action("closure_form", ClosureForm)
def closure_request(request: HttpRequest, user: User, case: Case, form: ClosureForm) -> str:
    services.closure_request(
        actor=user,
        case=case,
        reason=form.cleaned_data["reason"],
        summary=form.cleaned_data["summary"],
    )
    return _("Permintaan penutupan diajukan; menunggu persetujuan supervisor.")


@_case_form_action("decide_form", DecideForm)
def closure_decide(request: HttpRequest, user: User, case: Case, form: DecideForm) -> str:
    pending = selectors.case_pending_closure(case=case)
    if pending is None:
        raise Http404
    approve = form.cleaned_data["approve"] == "yes"
    services.closure_decide(
        actor=user, closure=pending, approve=approve, note=form.cleaned_data["note"]
    )
    return _("Kasus ditutup.") if approve else _("Permintaan penutupan ditolak.")


@_case_form_action("reopen_form", ReasonForm)
def case_reopen(request: HttpRequest, user: User, case: Case, form: ReasonForm) -> str:
    services.case_reopen(actor=user, case=case, reason=form.cleaned_data["reason"])
    return _("Kasus dibuka kembali.")


@_case_form_action("note_form", NoteForm)
def note_add(request: HttpRequest, user: User, case: Case, form: NoteForm) -> str:
    services.note_add(
        actor=user, case=case, kind=form.cleaned_data["kind"], body=form.cleaned_data["body"]
    )
    return _("Catatan disimpan.")


@login_required
@require_POST
def task_action(request: HttpRequest, case_id: UUID, task_id: UUID, action: str) -> HttpResponse:
    """Complete a task, or set it aside with a reason. A refused reason shows the case page
    again (422) with the text kept and the error under that task's field."""
    user = _user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    task = case.tasks.select_related("case__area").filter(public_id=task_id).first()
    if task is None:
        raise Http404
    if action == "complete":
        try:
            services.task_complete(actor=user, task=task)
        except (ValidationError, CaseError) as exc:
            messages.error(request, _error_text(exc))
        else:
            messages.success(request, _("Tugas ditandai selesai."))
        return redirect("cases:detail", case_id=case.public_id)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.task_waive(actor=user, task=task, reason=form.cleaned_data["reason"])
        except (ValidationError, CaseError) as exc:
            _form_errors_add(form, exc)
        else:
            messages.success(request, _("Tugas dikesampingkan."))
            return redirect("cases:detail", case_id=case.public_id)
    return _action_refused(request, user, case, "waive_form", form, waive_task_id=task.public_id)


def home_tasks_section(request: HttpRequest) -> dict[str, Any] | None:
    """The "needs me now" queue on the staff home page: overdue first, then by deadline."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return None
    if getattr(user, "role", "") not in (Role.CASEWORKER, Role.SUPERVISOR, Role.INTAKE):
        return None
    tasks = list(selectors.tasks_needing(user=user))  # type: ignore[arg-type]
    return {"template": "cases/partials/home_tasks.html", "tasks": tasks, "now": timezone.now()}


@login_required
@require_POST
def report_convert(request: HttpRequest, report_id: UUID) -> HttpResponse:
    """POST from the report page: turn the report into a case and open it."""
    from naungan.reports.selectors import report_get

    user = _user(request)
    if user.role not in (Role.INTAKE, Role.SUPERVISOR):
        raise Http404
    report = report_get(user=user, report_id=report_id)
    try:
        case = services.report_convert(actor=user, report=report)
    except (ValidationError, CaseError) as exc:
        messages.error(request, _error_text(exc))
        return redirect("reports:detail", report_id=report.public_id)
    messages.success(request, _("Laporan menjadi kasus %(n)s.") % {"n": case})
    return redirect("cases:detail", case_id=case.public_id)
