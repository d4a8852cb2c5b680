"""Training pages: the list, recording a training, one training (participants, attendance and
scores, certificates) and a participant's certificate PDF."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from naungan.accounts.access import request_user, role_required
from naungan.accounts.roles import TRAINING_MANAGERS, TRAINING_READERS, user_in
from naungan.core.exceptions import DomainError
from naungan.core.http import download_response, form_errors_add

from .. import selectors, services
from ..forms.trainings import ParticipantsForm, ResultsForm, TrainingForm
from ..models import Training

PAGE_SIZE = 25


@role_required(TRAINING_READERS)
@require_GET
def training_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    page = Paginator(selectors.trainings_visible_to(user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "training/list.html",
        {"page": page, "manager": user_in(user, TRAINING_MANAGERS)},
    )


def _training_form(request: HttpRequest, data: Any = None) -> TrainingForm:
    user = request_user(request)
    return TrainingForm(
        data,
        organisers=selectors.organisers_for(user),
        resources=selectors.resource_organisations(user),
        people=selectors.eligible_participants(user=user),
        initial={"pass_mark": services.default_pass_mark(), "validity_months": 24},
    )


@role_required(TRAINING_MANAGERS)
def training_create(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = _training_form(request, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                training = services.training_create(actor=user, data=form.to_input())
            except (ValidationError, DomainError) as exc:
                form_errors_add(form, exc)
            else:
                messages.success(request, _("Pelatihan dicatat."))
                return redirect("training:detail", training_id=training.public_id)
        status = 422
    return render(request, "training/create.html", {"form": form}, status=status)


def render_detail(
    request: HttpRequest,
    training: Training,
    *,
    status: int = 200,
    results_form: ResultsForm | None = None,
    participants_form: ParticipantsForm | None = None,
) -> HttpResponse:
    user = request_user(request)
    manageable = selectors.training_manageable(user=user, training=training)
    participants = list(selectors.training_participants(user=user, training=training))
    ctx: dict[str, Any] = {
        "training": training,
        "participants": participants,
        "conferred": list(training.competencies.all()),
        "resources": list(training.resource_organisations.all()),
        "resource_persons": [s for s in training.resource_persons.splitlines() if s.strip()],
        "manageable": manageable,
    }
    if manageable:
        present = {p.user_id for p in participants}
        people = selectors.eligible_participants(user=user, organiser=training.organiser).exclude(
            pk__in=present
        )
        ctx["results_form"] = results_form or ResultsForm(participants=participants)
        ctx["participants_form"] = participants_form or ParticipantsForm(people=people)
        ctx["can_add"] = people.exists()
    return render(request, "training/detail.html", ctx, status=status)


@role_required(TRAINING_READERS)
@require_GET
def training_detail(request: HttpRequest, training_id: UUID) -> HttpResponse:
    user = request_user(request)
    return render_detail(request, selectors.training_get(user=user, training_id=training_id))


@role_required(TRAINING_MANAGERS)
@require_POST
def training_participants_add(request: HttpRequest, training_id: UUID) -> HttpResponse:
    user = request_user(request)
    training = selectors.training_get_for_manage(user=user, training_id=training_id)
    people = selectors.eligible_participants(user=user)
    form = ParticipantsForm(request.POST, people=people)
    if form.is_valid():
        try:
            added = services.training_participants_add(
                actor=user, training=training, users=list(form.cleaned_data["participants"])
            )
        except (ValidationError, DomainError) as exc:
            form_errors_add(form, exc)
        else:
            messages.success(request, _("%(n)s peserta ditambahkan.") % {"n": added})
            return redirect("training:detail", training_id=training.public_id)
    return render_detail(request, training, status=422, participants_form=form)


@role_required(TRAINING_MANAGERS)
@require_POST
def training_results(request: HttpRequest, training_id: UUID) -> HttpResponse:
    user = request_user(request)
    training = selectors.training_get_for_manage(user=user, training_id=training_id)
    participants = list(selectors.training_participants(user=user, training=training))
    form = ResultsForm(request.POST, participants=participants)
    if form.is_valid():
        try:
            services.training_results_record(
                actor=user, training=training, results=form.to_results()
            )
        except (ValidationError, DomainError) as exc:
            form_errors_add(form, exc)
        else:
            messages.success(
                request, _("Kehadiran dan nilai disimpan; kompetensi peserta yang lulus dicatat.")
            )
            return redirect("training:detail", training_id=training.public_id)
    return render_detail(request, training, status=422, results_form=form)


@role_required(TRAINING_READERS)
@require_GET
def certificate(request: HttpRequest, training_id: UUID, participant_id: UUID) -> HttpResponse:
    user = request_user(request)
    training = selectors.training_get(user=user, training_id=training_id)
    participant = selectors.participant_get(
        user=user, training=training, participant_id=participant_id
    )
    try:
        pdf = services.certificate_print(actor=user, participant=participant, request=request)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("training:detail", training_id=training.public_id)
    return download_response(
        pdf, filename=services.certificate_filename(participant), content_type="application/pdf"
    )
