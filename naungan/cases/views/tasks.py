"""Tasks and notes on the case page, and the "needs me now" queue of the home page."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.accounts.roles import CASE_ROLES, user_in
from naungan.cases import selectors, services
from naungan.cases.exceptions import CaseError
from naungan.cases.forms.tasks import NoteForm
from naungan.cases.models import Case
from naungan.cases.views.cases import case_action, invalid_form_error
from naungan.core.http import error_text


@case_action
def note_add(request: HttpRequest, user: User, case: Case) -> str:
    form = NoteForm(request.POST)
    if not form.is_valid():
        raise invalid_form_error(form)
    services.note_add(
        actor=user, case=case, kind=form.cleaned_data["kind"], body=form.cleaned_data["body"]
    )
    return _("Catatan disimpan.")


@login_required
@require_POST
def task_action(request: HttpRequest, case_id: UUID, task_id: UUID, action: str) -> HttpResponse:
    user = request_user(request)
    case = selectors.case_get_for_write(user=user, case_id=case_id)
    task = selectors.case_task_get(case=case, task_id=task_id)
    try:
        if action == "complete":
            services.task_complete(actor=user, task=task)
            messages.success(request, _("Tugas ditandai selesai."))
        else:
            services.task_waive(actor=user, task=task, reason=request.POST.get("reason", ""))
            messages.success(request, _("Tugas dikesampingkan."))
    except (ValidationError, CaseError) as exc:
        messages.error(request, error_text(exc))
    return redirect("cases:detail", case_id=case.public_id)


def home_tasks_section(request: HttpRequest) -> dict[str, Any] | None:
    """The "needs me now" queue on the staff home page: overdue first, then by deadline."""
    user = request.user
    if not getattr(user, "is_authenticated", False):
        return None
    if not user_in(user, CASE_ROLES):
        return None
    tasks = list(selectors.tasks_needing(user=user))  # type: ignore[arg-type]
    return {"template": "cases/partials/home_tasks.html", "tasks": tasks, "now": timezone.now()}
