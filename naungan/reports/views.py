"""HTML views: the public pages (/lapor/, /lapor/status/) and the staff intake pages."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages as flash_messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from naungan.accounts.access import role_required
from naungan.accounts.roles import REPORT_DESK, REPORT_TAKERS, user_in
from naungan.core.deadlines import time_left_text
from naungan.core.exceptions import DomainError
from naungan.core.files import download_response
from naungan.core.http import error_text, form_errors_add, language_switch, remember_language
from naungan.core.registry import report_sections

from . import attachments, conf, selectors, services
from .forms import (
    CurhatForm,
    OutcomeForm,
    PublicReportForm,
    ReporterMessageForm,
    StaffMessageForm,
    StaffReportForm,
    StatusForm,
    TriageForm,
)
from .models import Channel, ReportKind, ReportStatus, TriageLevel, ViolenceType

PUBLIC_STATUS_LABELS = {
    "received": gettext_lazy("Diterima"),
    "in_progress": gettext_lazy("Sedang ditangani"),
    "closed": gettext_lazy("Selesai"),
}


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No trace: never cached, no referrer to other sites, not indexed. ("no-referrer" would
    make the browser send ``Origin: null`` on our own forms, which CSRF protection refuses.)"""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        response["Pragma"] = "no-cache"
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def _public_context(**extra: Any) -> dict[str, Any]:
    return {"quick_exit_url": conf.quick_exit_url(), "local_hotline": conf.local_hotline(), **extra}


# The id of the form that the language switch submits on each page (see ``language_switch``):
# so that switching language keeps what was typed, and a reporter's code and PIN.
REPORT_FORM, DONE_FORM, STATUS_FORM, MESSAGE_FORM = (
    "report-form",
    "done-form",
    "status-form",
    "message-form",
)


@csrf_exempt  # only to install the upload handler first; _lapor checks the token
@public_page
@require_http_methods(["GET", "POST"])
def lapor(request: HttpRequest) -> HttpResponse:
    """The public form. On success the code and PIN are shown on the answer to the POST
    itself (never in a URL); a resubmission of the same form replays them.

    Attachments arrive in the multipart body; ``AttachmentUploadHandler`` keeps them in memory
    within the limits (never a plaintext temporary file). Upload handlers must be set before
    anything reads ``request.POST``, which the CSRF check does: hence exempt here and
    ``csrf_protect`` on ``_lapor``."""
    if request.method == "POST":
        request.upload_handlers = [attachments.AttachmentUploadHandler(request)]
    return _lapor(request)


def _lapor_form(
    request: HttpRequest, form: PublicReportForm, *, status: int = 200, reselect: bool = False
) -> HttpResponse:
    context = _public_context(form=form, reselect_files=reselect, lang_form=REPORT_FORM)
    return render(request, "reports/lapor.html", context, status=status)


def _lapor_done(
    request: HttpRequest, *, result: dict[str, Any], kind: str, attachment_count: int, status: int
) -> HttpResponse:
    context = _public_context(
        result=result, kind=kind, attachment_count=attachment_count, lang_form=DONE_FORM
    )
    return render(request, "reports/lapor_done.html", context, status=status)


@csrf_protect
def _lapor(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _lapor_form(request, PublicReportForm())
    language = language_switch(request)
    if language is not None:
        return remember_language(_lapor_switched(request), language)
    form = PublicReportForm(request.POST, request.FILES)
    status = 422
    if form.is_valid():
        data = form.to_input()
        files = form.attachment_files()
        try:
            submission = services.report_submission(
                actor=None,
                data=data,
                client_ip=getattr(request, "client_ip", "") or "",
                idempotency_key=form.cleaned_data["submission"][:100],
                idempotency_scope="web",
                request=request,
                attachments=files,
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        except DomainError as exc:
            form.add_error(None, error_text(exc))
            status = exc.status
        else:
            return _lapor_done(
                request,
                result=submission.body,
                kind=data.kind,
                attachment_count=len(files),
                status=200 if submission.replayed else 201,
            )
    # A browser never fills a file input again: say so when files were chosen.
    reselect = bool(request.FILES.getlist("attachments"))
    return _lapor_form(request, form, status=status, reselect=reselect)


def _lapor_switched(request: HttpRequest) -> HttpResponse:
    """The language switch on /lapor/: the form again with what was typed (nothing checked,
    nothing stored), or, on the answer page, the code and PIN again (the page re-posts them:
    checked like on the status page, never stored, never in a URL)."""
    if "tracking_code" not in request.POST:
        reselect = bool(request.FILES.getlist("attachments"))
        return _lapor_form(request, PublicReportForm.kept(request.POST), reselect=reselect)
    pin = request.POST.get("pin", "")
    try:
        report = services.report_reporter_get(
            tracking_code=request.POST["tracking_code"],
            pin=pin,
            client_ip=getattr(request, "client_ip", "") or "",
        )
    except DomainError:
        return _lapor_form(request, PublicReportForm())
    return _lapor_done(
        request,
        result={"tracking_code": report.tracking_code, "pin": pin},
        kind=report.kind,
        attachment_count=report.attachments.count(),
        status=200,
    )


def _status_page(request: HttpRequest, *, status: int = 200, **context: Any) -> HttpResponse:
    lang_form = MESSAGE_FORM if "report" in context else STATUS_FORM
    return render(
        request,
        "reports/status.html",
        _public_context(lang_form=lang_form, **context),
        status=status,
    )


@public_page
@require_http_methods(["GET", "POST"])
def lapor_status(request: HttpRequest) -> HttpResponse:
    """Status and thread by code + PIN, sent by POST (codes never travel in a URL). The same
    POST can carry a new message from the reporter. The language switch re-posts the form on
    screen: the code form again with what was typed, or the status again (code and PIN are
    hidden fields of the message form), an unsent message kept."""
    if request.method != "POST":
        return _status_page(request, form=StatusForm())
    language = language_switch(request)
    if language is None:
        return _lapor_status(request, switching=False)
    return remember_language(_lapor_status(request, switching=True), language)


def _lapor_status(request: HttpRequest, *, switching: bool) -> HttpResponse:
    on_status = request.POST.get("action") == "message"  # the message form: status on screen
    if switching and not on_status:
        return _status_page(request, form=StatusForm.kept(request.POST))
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _status_page(request, form=form, status=422)
    try:
        report = services.report_reporter_get(
            tracking_code=form.cleaned_data["tracking_code"],
            pin=form.cleaned_data["pin"],
            client_ip=getattr(request, "client_ip", "") or "",
        )
    except services.ReporterNotFound:
        form.add_error(None, _("Kode atau PIN tidak cocok. Periksa lagi catatan Anda."))
        return _status_page(request, form=form, status=404)
    except DomainError as exc:  # locked: 429 with the time to try again
        form.add_error(None, error_text(exc))
        response = _status_page(request, form=form, status=exc.status)
        for name, value in exc.headers.items():
            response[name] = value
        return response
    message_form = ReporterMessageForm()
    sent = False
    if switching:
        message_form = ReporterMessageForm.kept(request.POST)
    elif on_status:
        message_form = ReporterMessageForm(request.POST)
        if message_form.is_valid():
            try:
                services.report_message_from_reporter(
                    report=report, body=message_form.cleaned_data["body"], request=request
                )
                message_form = ReporterMessageForm()
                sent = True
            except ValidationError as exc:
                message_form.add_error("body", error_text(exc))
    messages = services.report_reporter_view(report=report, request=request)
    status = services.public_status(report)
    return _status_page(
        request,
        form=form,
        report=report,
        status_label=PUBLIC_STATUS_LABELS[status],
        thread=messages,
        message_form=message_form,
        sent=sent,
    )


# --- Staff ------------------------------------------------------------------------------------


@role_required(REPORT_TAKERS)
def queue(request: HttpRequest) -> HttpResponse:
    """The intake queue with filters in the URL; HTMX refreshes only the table (intake and
    supervisors: their area; activists: the reports they made)."""
    filters = {
        name: request.GET.get(name, "").strip()
        for name in ("status", "kind", "channel", "area", "violence_type")
    }
    show_all = request.GET.get("all") == "1"
    qs = selectors.report_queue(
        user=request.user,
        status=filters["status"],
        kind=filters["kind"],
        channel=filters["channel"],
        area_code=filters["area"],
        violence_type=filters["violence_type"] if filters["violence_type"] in ViolenceType else "",
        open_only=not show_all,
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filters": filters,
        "show_all": show_all,
        "statuses": ReportStatus.choices,
        "kinds": ReportKind.choices,
        "channels": Channel.choices,
        "violence_types": ViolenceType.choices,
        "rows": _rows(page.object_list),
        "total": page.paginator.count,
    }
    template = "reports/partials/queue_table.html" if request.htmx else "reports/queue.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _rows(reports: Any) -> list[dict[str, Any]]:
    return [{"report": r, "overdue": selectors.report_is_overdue(r)} for r in reports]


@role_required(REPORT_TAKERS)
@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    """A report taken by staff (hotline, walk-in…) or an activist, through the same submit
    service as the public form and the API."""
    language = language_switch(request)
    if language is not None:
        return remember_language(_report_new_switched(request), language)
    form = StaffReportForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.report_submission(
                actor=request.user,
                data=form.to_input(),
                client_ip=getattr(request, "client_ip", "") or "",
                idempotency_key=form.cleaned_data["submission"][:100],
                idempotency_scope=f"staffweb:{request.user.pk}",
                request=request,
            )
            return _staff_created(request, submission.body)
        except ValidationError as exc:
            form.add_service_errors(exc)
        except DomainError as exc:
            form.add_error(None, error_text(exc))
    return render(request, "reports/report_new.html", {"form": form, "lang_form": REPORT_FORM})


def _staff_created(request: HttpRequest, result: dict[str, Any]) -> HttpResponse:
    context = {"result": result, "lang_form": DONE_FORM}
    return render(request, "reports/staff_created.html", context)


def _report_new_switched(request: HttpRequest) -> HttpResponse:
    """The language switch on the staff form: the form again with what was typed, or the code
    and PIN just given to pass on (re-posted by the page, checked, of a report in scope)."""
    if "tracking_code" not in request.POST:
        form = StaffReportForm.kept(request.POST, actor=request.user)
        context = {"form": form, "lang_form": REPORT_FORM}
        return render(request, "reports/report_new.html", context)
    pin = request.POST.get("pin", "")
    try:
        report = services.report_reporter_get(
            tracking_code=request.POST["tracking_code"],
            pin=pin,
            client_ip=getattr(request, "client_ip", "") or "",
        )
    except DomainError:  # a wrong code or PIN, or locked: nothing to show again
        raise Http404 from None
    report = selectors.report_get(user=request.user, report_id=report.public_id)
    result = {"id": report.public_id, "tracking_code": report.tracking_code, "pin": pin}
    return _staff_created(request, result)


def _triage_form(report: Any) -> TriageForm:
    """The triage form as last saved: the ticked items, the level (before the first triage
    the checklist's suggestion, else medium) and the reason."""
    checklist = list(report.triage_checklist or [])
    if not report.triaged_at:
        # Before the first triage, the answers the activist sent from the field (DESIGN §8).
        checklist = list(report.reported_checklist or [])
    form = TriageForm(
        initial={"checklist": checklist, "level": report.triage, "reason": report.triage_reason},
        **_form_kwargs("triage", report),
    )
    if not report.triage:
        form.initial["level"] = form.suggestion() or TriageLevel.MEDIUM
    return form


def _triage_suggested(data: Any, report: Any) -> TriageForm:
    """ "Hitung saran" without JavaScript: the submitted answers again, nothing saved, the
    level set to the checklist's suggestion (with the field's answers)."""
    posted = TriageForm(data, **_form_kwargs("triage", report))
    level = posted.suggestion() or data.get("level") or TriageLevel.MEDIUM
    return TriageForm(
        initial={"checklist": posted.ticked(), "level": level, "reason": data.get("reason", "")},
        **_form_kwargs("triage", report),
    )


def _form_kwargs(action: str, report: Any) -> dict[str, Any]:
    """What a posted form needs besides the data: the triage form knows the field's answers."""
    if action == "triage":
        return {"reported": list(report.reported_checklist or [])}
    return {}


def _focus_first_error(form: Any) -> None:
    """The page comes back with the cursor in the first field to correct (it may be far down
    on a phone)."""
    for field in form.errors:
        if field in form.fields:
            form.fields[field].widget.attrs["autofocus"] = True
            return


@login_required
@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    """One report: content (audited view), triage, thread, outcome. A saved action redirects
    back with a message; a refused one shows the page again (422, or the refusal's status)
    with the input kept and the message next to its field."""
    report = selectors.report_get(user=request.user, report_id=report_id)
    forms: dict[str, Any] = {
        "triage_form": _triage_form(report),
        "message_form": StaffMessageForm(),
        "outcome_form": OutcomeForm(),
        "curhat_form": CurhatForm(),
    }
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        handler = _ACTIONS.get(action)
        if handler is None:
            raise Http404
        name, form_class, run = handler
        if action == "triage" and request.POST.get("suggest"):
            forms[name] = _triage_suggested(request.POST, report)
        else:
            form = form_class(request.POST, **_form_kwargs(action, report))
            status = 422
            if form.is_valid():
                try:
                    done = run(request, report, form.cleaned_data)
                except (ValidationError, DomainError) as exc:
                    form_errors_add(form, exc)
                    status = exc.status if isinstance(exc, DomainError) else 422
                else:
                    flash_messages.success(request, done)
                    return redirect("reports:detail", report_id=report.public_id)
            _focus_first_error(form)
            forms[name] = form
    services.report_view(actor=request.user, report=report, request=request)
    suggested = forms["triage_form"].suggestion()
    context = {
        "report": report,
        "overdue": selectors.report_is_overdue(report),
        "thread": list(selectors.report_messages(report)),
        "attachments": list(selectors.report_attachments(report)),
        "can_act": user_in(request.user, REPORT_DESK),
        "triage_suggested": TriageLevel(suggested).label if suggested else "",
        "triage_reason_needed": services.triage_is_below(
            str(forms["triage_form"]["level"].value() or ""), suggested
        ),
        "triage_clocks": [
            (TriageLevel(level).label, hours)
            for level, hours in services.triage_clocks(report.organisation).items()
        ],
        # E.g. the case this report became, with the reply form for the case's staff.
        "sections": [s for fn in report_sections() if (s := fn(request, report)) is not None],
        **forms,
    }
    return render(request, "reports/report_detail.html", context, status=status)


def _do_triage(request: HttpRequest, report: Any, d: dict[str, Any]) -> str:
    report = services.report_triage(
        actor=request.user,
        report=report,
        level=d["level"],
        checklist=d["checklist"],
        reason=d["reason"],
        request=request,
    )
    return _("Triase disimpan: %(level)s, batas respons %(left)s.") % {
        "level": report.get_triage_display(),
        "left": time_left_text(report.response_due_at),
    }


def _do_message(request: HttpRequest, report: Any, d: dict[str, Any]) -> str:
    services.report_message_from_staff(
        actor=request.user, report=report, body=d["body"], request=request
    )
    return _("Balasan terkirim; pelapor melihatnya dari Petugas.")


def _do_outcome(request: HttpRequest, report: Any, d: dict[str, Any]) -> str:
    if d["outcome"] == "close":
        services.report_close(
            actor=request.user, report=report, reason=d["reason"], request=request
        )
        return _("Laporan ditutup.")
    services.report_hand_over(
        actor=request.user, report=report, recipient=d["reason"], request=request
    )
    return _("Laporan dilimpahkan.")


def _do_curhat(request: HttpRequest, report: Any, d: dict[str, Any]) -> str:
    services.report_curhat_to_complaint(
        actor=request.user,
        report=report,
        reporter_agreed=d["reporter_agreed"],
        danger_reason=d["danger_reason"],
        request=request,
    )
    return _("Curhat diubah menjadi pengaduan.")


_ACTIONS: dict[str, tuple[str, Any, Callable[[HttpRequest, Any, dict[str, Any]], str]]] = {
    "triage": ("triage_form", TriageForm, _do_triage),
    "message": ("message_form", StaffMessageForm, _do_message),
    "outcome": ("outcome_form", OutcomeForm, _do_outcome),
    "curhat": ("curhat_form", CurhatForm, _do_curhat),
}


@login_required
@require_GET
def attachment_download(
    request: HttpRequest, report_id: uuid.UUID, attachment_id: uuid.UUID
) -> HttpResponse:
    """Download one attachment of a report in the user's scope (404 otherwise, as for a
    missing one). Always a download, never rendered inline, never cached; audited as export."""
    attachment = selectors.report_attachment_get(
        user=request.user, report_id=report_id, attachment_id=attachment_id
    )
    data = attachments.attachment_read(actor=request.user, attachment=attachment, request=request)
    return download_response(
        data,
        content_type=attachment.content_type,
        filename=attachments.attachment_download_name(attachment),
    )
