"""Trainings API: list, record, one training, participants, results and certificates."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Schema, Status

from naungan.accounts.access import api_role_required, request_user
from naungan.accounts.roles import TRAINING_MANAGERS, TRAINING_READERS
from naungan.core.http import download_response
from naungan.core.words import person_name
from naungan.orgs.models import Organisation

from .. import selectors, services
from ..models import Participant, Training
from ..schemas.trainings import (
    ParticipantsAddIn,
    ResultsIn,
    TrainingCreateIn,
    TrainingListOut,
    TrainingOut,
)
from . import router

MAX_LIMIT = 200


class Page(Schema):
    limit: int = 50
    offset: int = 0


def participant_out(p: Participant) -> dict[str, Any]:
    return {
        "id": p.public_id,
        "name": person_name(p.user),
        "username": p.user.username,
        "organisation": p.user.organisation.name if p.user.organisation else None,
        "attended": p.attended,
        "pre_score": p.pre_score,
        "post_score": p.post_score,
        "passed": p.passed,
        "certificate_number": p.certificate_number,
    }


def training_out(training: Training, *, user: Any) -> dict[str, Any]:
    return {
        "id": training.public_id,
        "title": training.title,
        "organiser": training.organiser.slug,
        "organiser_name": training.organiser.name,
        "area_code": training.organiser.area.code,
        "starts_on": training.starts_on,
        "ends_on": training.ends_on,
        "place": training.place,
        "description": training.description,
        "resource_organisations": [o.slug for o in training.resource_organisations.all()],
        "resource_persons": training.resource_persons,
        "pass_mark": training.pass_mark,
        "competencies": [
            {
                "competency": c.competency,
                "label": str(c.get_competency_display()),
                "validity_months": c.validity_months,
            }
            for c in training.competencies.all()
        ],
        "participants": [
            participant_out(p)
            for p in selectors.training_participants(user=user, training=training)
        ],
    }


def _orgs(slugs: list[str], field: str) -> list[Organisation]:
    found = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs, active=True)}
    missing = [s for s in slugs if s not in found]
    if missing:
        raise ValidationError({field: _("Organisasi tidak dikenal: %s.") % ", ".join(missing)})
    return [found[s] for s in slugs]


def _people(user: Any, usernames: list[str]) -> list[Any]:
    people = []
    for name in usernames:
        try:
            people.append(selectors.participant_by_username(user=user, username=name))
        except Http404:
            raise ValidationError(
                {"participants": _("Staf atau aktivis tidak dikenal: %s.") % name}
            ) from None
    return people


@router.get(
    "/trainings",
    response=TrainingListOut,
    summary="Trainings",
    description="Supervisors and administrators: the trainings organised in their area; staff "
    "and activists: the trainings they took part in. `limit` ≤ 200, `offset`.",
)
@api_role_required(TRAINING_READERS)
def trainings_list(request: HttpRequest, query: Query[Page]) -> dict[str, Any]:
    user = request_user(request)
    qs = selectors.trainings_visible_to(user)
    limit, offset = max(1, min(query.limit, MAX_LIMIT)), max(0, query.offset)
    items = [
        {
            "id": t.public_id,
            "title": t.title,
            "organiser": t.organiser.slug,
            "starts_on": t.starts_on,
            "ends_on": t.ends_on,
            "place": t.place,
            "participant_count": t.participant_count,  # type: ignore[attr-defined]
        }
        for t in qs[offset : offset + limit]
    ]
    return {"items": items, "count": qs.count()}


@router.post(
    "/trainings",
    response={201: TrainingOut},
    summary="Record a training",
    description="Supervisors and administrators of the organiser's area. 422 naming the field: "
    "`ends_on` before `starts_on`, `pass_mark` outside 0–100, an unknown competency, a "
    "participant outside the organiser's area (`participants`). Nothing is stored then.",
)
@api_role_required(TRAINING_MANAGERS)
def trainings_create(request: HttpRequest, payload: TrainingCreateIn) -> Status[dict[str, Any]]:
    user = request_user(request)
    organiser = _orgs([payload.organiser], "organiser")[0]
    if payload.pass_mark is not None and not 0 <= payload.pass_mark <= 100:
        raise ValidationError({"pass_mark": _("Nilai lulus harus antara 0 dan 100.")})
    training = services.training_create(
        actor=user,
        data=services.TrainingIn(
            title=payload.title,
            organiser=organiser,
            starts_on=payload.starts_on,
            ends_on=payload.ends_on,
            place=payload.place,
            description=payload.description,
            resource_organisations=_orgs(payload.resource_organisations, "resource_organisations"),
            resource_persons=payload.resource_persons,
            pass_mark=payload.pass_mark,
            competencies=[
                services.CompetencyIn(c.competency, c.validity_months) for c in payload.competencies
            ],
            participants=_people(user, payload.participants),
        ),
    )
    return Status(201, training_out(training, user=user))


@router.get(
    "/trainings/{training_id}",
    response=TrainingOut,
    summary="One training",
    description="A participant sees only their own line among the participants.",
)
@api_role_required(TRAINING_READERS)
def trainings_get(request: HttpRequest, training_id: UUID) -> dict[str, Any]:
    user = request_user(request)
    return training_out(selectors.training_get(user=user, training_id=training_id), user=user)


@router.post(
    "/trainings/{training_id}/participants",
    response=TrainingOut,
    summary="Add participants",
    description="Usernames of staff or activists inside the organiser's area (else 422 "
    "`participants`, nothing added).",
)
@api_role_required(TRAINING_MANAGERS)
def trainings_participants_add(
    request: HttpRequest, training_id: UUID, payload: ParticipantsAddIn
) -> dict[str, Any]:
    user = request_user(request)
    training = selectors.training_get_for_manage(user=user, training_id=training_id)
    services.training_participants_add(
        actor=user, training=training, users=_people(user, payload.participants)
    )
    return training_out(training, user=user)


@router.post(
    "/trainings/{training_id}/results",
    response=TrainingOut,
    summary="Record attendance and test scores",
    description="Per participant `attended`, `pre_score`, `post_score` (0–100, else 422 "
    "naming the field; nothing stored). Passing grants the training's competencies.",
)
@api_role_required(TRAINING_MANAGERS)
def trainings_results(
    request: HttpRequest, training_id: UUID, payload: ResultsIn
) -> dict[str, Any]:
    user = request_user(request)
    training = selectors.training_get_for_manage(user=user, training_id=training_id)
    by_id = {p.public_id: p for p in training.participants.select_related("user")}
    results = []
    for r in payload.results:
        if r.participant not in by_id:
            raise ValidationError({"participant": _("Peserta ini tidak terdaftar di pelatihan.")})
        results.append(
            services.ResultIn(
                participant=by_id[r.participant],
                attended=r.attended,
                pre_score=r.pre_score,
                post_score=r.post_score,
            )
        )
    services.training_results_record(actor=user, training=training, results=results)
    return training_out(training, user=user)


@router.get(
    "/trainings/{training_id}/participants/{participant_id}/certificate",
    response={200: None},
    summary="A participant's certificate (PDF)",
    description="The participant themselves or a manager of the training; 409 when the "
    "participant has not passed.",
    openapi_extra={"responses": {200: {"description": "PDF", "content": {"application/pdf": {}}}}},
)
@api_role_required(TRAINING_READERS)
def trainings_certificate(
    request: HttpRequest, training_id: UUID, participant_id: UUID
) -> HttpResponse:
    user = request_user(request)
    training = selectors.training_get(user=user, training_id=training_id)
    participant = selectors.participant_get(
        user=user, training=training, participant_id=participant_id
    )
    pdf = services.certificate_print(actor=user, participant=participant, request=request)
    return download_response(
        pdf,
        filename=services.certificate_filename(participant),
        content_type="application/pdf",
    )
