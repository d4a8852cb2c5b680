"""The risk page of a case (history chart and table, latest result, conferences, safety
plans), the assessment form, the result with its band and reasons, and the judgement form."""

from __future__ import annotations

from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from naungan.accounts.access import request_user
from naungan.accounts.models import User
from naungan.cases import selectors as case_selectors
from naungan.cases.models import Case
from naungan.core.exceptions import DomainError
from naungan.core.http import form_errors_add
from naungan.core.words import local_datetime

from .. import selectors, services
from ..chart import risk_chart
from ..forms.assessments import AssessmentForm, JudgementForm
from ..models import Instrument, RiskAssessment
from ..services.assessments import ASSESSMENT_INSTRUMENTS
from ._common import writer_of


@login_required
@require_GET
def risk_page(request: HttpRequest, case_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    points = selectors.case_risk_points(case=case)
    zone = case.area.timezone
    dates = [local_datetime(p.assessed_at, zone) for p in points]
    context = {
        "case": case,
        "zone": zone,
        "assessments": list(selectors.case_assessments(case=case)),
        "rows": list(zip(points, dates, strict=True))[::-1],
        "chart": risk_chart(points, dates),
        "chart_narrow": risk_chart(points, dates, narrow=True),
        "conferences": list(selectors.case_conferences(case=case)[:5]),
        "plans": list(selectors.case_safety_plans(case=case)[:3]),
        "instruments": Instrument.objects.filter(key__in=ASSESSMENT_INSTRUMENTS),
        "can_write": writer_of(user, case),
    }
    services.assessments_read_audit(actor=user, case=case, request=request)
    return render(request, "risk/risk.html", context)


def _version(request: HttpRequest) -> Any:
    key = request.GET.get("instrumen") or request.POST.get("instrumen") or "dash"
    if key not in ASSESSMENT_INSTRUMENTS:
        raise Http404
    return selectors.instrument_current(key)


def _error_status(exc: Exception) -> int:
    """A refusal shown on the form: 403 for one of the person (a competency the unit requires,
    a role), 422 for the input."""
    if isinstance(exc, DomainError) and exc.status == 403:
        return 403
    return 422


@login_required
def assess(request: HttpRequest, case_id: UUID) -> HttpResponse:
    """The assessment form (GET) and recording it (POST): an error shows the form again
    (422) with every answer kept and the message next to its field."""
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    version = _version(request)
    status = 200
    with timezone.override(ZoneInfo(case.area.timezone)):
        if request.method == "POST":
            form = AssessmentForm(request.POST, version=version)
            if form.is_valid():
                try:
                    assessment = services.assessment_create(
                        actor=user, case=case, data=form.to_input()
                    )
                except (ValidationError, DomainError) as exc:
                    form_errors_add(form, exc)
                    status = _error_status(exc)
                else:
                    messages.success(request, _("Asesmen risiko tersimpan."))
                    return redirect(
                        "risk:result", case_id=case.public_id, assessment_id=assessment.public_id
                    )
            else:
                status = 422
        else:
            form = AssessmentForm(version=version)
        return render(
            request,
            "risk/assess.html",
            {"case": case, "zone": case.area.timezone, "form": form, "version": version},
            status=status,
        )


def render_result(
    request: HttpRequest,
    user: User,
    case: Case,
    assessment: RiskAssessment,
    *,
    status: int = 200,
    judgement_form: JudgementForm | None = None,
) -> HttpResponse:
    answers = assessment.answers
    lang_questions = [
        (key, text, answers.get(key, ""))
        for key, text in zip(
            assessment.version.keys,
            [t for _k, t in assessment.version.question_texts()],
            strict=True,
        )
    ]
    context = {
        "case": case,
        "zone": case.area.timezone,
        "a": assessment,
        "questions": lang_questions,
        "can_write": writer_of(user, case),
        "judgement_form": judgement_form or JudgementForm(),
        "revisions": list(assessment.revisions.all()),
        "high_task": case.tasks.filter(kind="risk_high").select_related("owner").last(),
    }
    services.assessments_read_audit(actor=user, case=case, request=request)
    return render(request, "risk/result.html", context, status=status)


@login_required
@require_GET
def result(request: HttpRequest, case_id: UUID, assessment_id: UUID) -> HttpResponse:
    user = request_user(request)
    case = case_selectors.case_get(user=user, case_id=case_id)
    assessment = selectors.case_assessment_get(case=case, assessment_id=assessment_id)
    return render_result(request, user, case, assessment)


@login_required
@require_POST
def judge(request: HttpRequest, case_id: UUID, assessment_id: UUID) -> HttpResponse:
    """A professional judgement: a new assessment that raises the level (never lowers it)."""
    user = request_user(request)
    case = case_selectors.case_get_for_write(user=user, case_id=case_id)
    assessment = selectors.case_assessment_get(case=case, assessment_id=assessment_id)
    form = JudgementForm(request.POST)
    if form.is_valid():
        try:
            new = services.assessment_judge(
                actor=user,
                assessment=assessment,
                level=form.cleaned_data["professional_judgement"],
                reason=form.cleaned_data["judgement_reason"],
            )
        except (ValidationError, DomainError) as exc:
            form_errors_add(form, exc)
            status = _error_status(exc)
        else:
            messages.success(request, _("Penilaian profesional tersimpan sebagai asesmen baru."))
            return redirect("risk:result", case_id=case.public_id, assessment_id=new.public_id)
    else:
        status = 422
    return render_result(request, user, case, assessment, status=status, judgement_form=form)
