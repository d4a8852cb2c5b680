"""Tasks and notes on the case page (the home page's task list is in ``views/home.py``)."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors, services
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.tasks import NoteForm
from naungan.cases.forms.workflow import ReasonForm
from naungan.cases.models import Case
from naungan.cases.views.cases import action_refused, case_form_action, form_errors_add
from naungan.core.http import error_text


@case_form_action("note_form", NoteForm)
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
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    task = selectors.case_task_get(case=case, task_id=task_id)
    if action == "complete":
        try:
            services.task_complete(actor=user, task=task)
        except (ValidationError, CaseError) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("Tugas ditandai selesai."))
        return redirect("cases:detail", case_id=case.public_id)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            services.task_waive(actor=user, task=task, reason=form.cleaned_data["reason"])
        except (ValidationError, CaseError) as exc:
            form_errors_add(form, exc)
        else:
            messages.success(request, _("Tugas dikesampingkan."))
            return redirect("cases:detail", case_id=case.public_id)
    return action_refused(request, user, case, "waive_form", form, waive_task_id=task.public_id)
