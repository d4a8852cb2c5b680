"""Risk assessments on a case (DESIGN §8, CONTRACT §7): validate, score with the instrument
version's rule and bands, apply professional judgement (raise only), find every referral
reason, and create what follows (the child-protection referral task, the supervisor's task on a
high result). An assessment is never rewritten: a judgement after the fact is a new one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from naungan.accounts.models import User
from naungan.cases.models import Case, PartyRole, Person, Relationship, TaskKind, TaskStatus
from naungan.cases.services import CLOCK_SKEW, task_create
from naungan.cases.services.notifications import supervisors_for
from naungan.core.models import AuditAction
from naungan.training.actions import DASH_SIGNOFF
from naungan.training.services import require_competency

from ..models import Answer, Instrument, InstrumentVersion, Level, ReferralReason, RiskAssessment
from ..models.assessments import LEVEL_ORDER
from ..models.instruments import OrganisationBands, Rule
from ._common import audit, local_date, require_writer, save, year_after, year_before

# Instruments an assessment may use (CONTRACT §7); the triage checklist suggests a triage level
# at intake instead.
ASSESSMENT_INSTRUMENTS = ("dash", "da")
# Incidents by these perpetrators count for escalation (DESIGN §8).
ESCALATION_RELATIONSHIPS = frozenset(
    {
        Relationship.INTIMATE_PARTNER,
        Relationship.FORMER_PARTNER,
        Relationship.FAMILY,
        Relationship.PRIMARY_CAREGIVER,
    }
)
JUDGEMENT_LEVELS = (Level.MEDIUM, Level.HIGH)
CHILD_REFERRAL_HOURS = 24  # [project default] the separate child-protection referral


@dataclass(frozen=True)
class AssessmentIn:
    """An assessment as the API and the form send it (CONTRACT §7). ``assessed_at`` may be a
    string (ISO 8601; without an offset it is read in the case's zone) or a datetime."""

    instrument: Any
    answers: Any
    assessed_at: Any = None
    professional_judgement: Any = None
    judgement_reason: Any = None
    children_in_household: bool | None = None
    victim: Person | None = None


@dataclass(frozen=True)
class _Checked:
    version: InstrumentVersion
    answers: dict[str, str]
    assessed_at: datetime
    judgement: str
    reason: str


def _version_for(instrument: Any) -> InstrumentVersion:
    if not isinstance(instrument, str) or instrument not in ASSESSMENT_INSTRUMENTS:
        raise ValidationError(
            {"instrument": _("Instrumen tidak dikenal. Pilih dash atau da.")}, code="unknown"
        )
    found = Instrument.objects.filter(key=instrument).first()
    version = found.current_version() if found else None
    if version is None:
        raise ValidationError({"instrument": _("Instrumen belum dimuat.")}, code="unknown")
    return version


def _answers_check(version: InstrumentVersion, answers: Any) -> dict[str, str]:
    """Known keys only, each ``yes``/``no``/``dont_know`` (``null`` is a blank answer, which
    counts as not yes)."""
    if answers is None:
        return {}
    if not isinstance(answers, Mapping):
        raise ValidationError({"answers": _("Jawaban harus berupa daftar pertanyaan dan jawaban.")})
    keys = set(version.keys)
    unknown = sorted(str(k) for k in answers if k not in keys)
    if unknown:
        raise ValidationError(
            {"answers": _("Pertanyaan tidak dikenal: %(keys)s.") % {"keys": ", ".join(unknown)}}
        )
    bad = sorted(str(k) for k, v in answers.items() if v is not None and v not in Answer.values)
    if bad:
        raise ValidationError(
            {
                "answers": _(
                    "Jawaban untuk %(keys)s harus yes, no atau dont_know (ya, tidak, tidak tahu)."
                )
                % {"keys": ", ".join(bad)}
            }
        )
    return {k: answers[k] for k in version.keys if answers.get(k) is not None}


def _moment(value: Any, case: Case) -> datetime:
    now = timezone.now()
    if value is None or value == "":
        return now
    if isinstance(value, datetime):
        moment: datetime | None = value
    elif isinstance(value, str):
        try:
            moment = parse_datetime(value)
            day = None if moment is not None else parse_date(value)
        except ValueError:
            moment = day = None
        if day is not None:  # a date only: the start of that day where the case is
            moment = datetime.combine(day, time.min)
    else:
        moment = None
    if moment is None:
        raise ValidationError({"assessed_at": _("Waktu asesmen tidak dapat dibaca.")})
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, ZoneInfo(case.area.timezone))
    if moment > now + CLOCK_SKEW:
        raise ValidationError({"assessed_at": _("Waktu asesmen tidak boleh di masa depan.")})
    return moment


def _judgement_level(value: Any) -> str:
    if value is None or value == "":
        return ""
    if value not in JUDGEMENT_LEVELS:
        raise ValidationError(
            {
                "professional_judgement": _(
                    "Penilaian profesional harus nama tingkat: medium (sedang) atau high (tinggi)."
                )
            }
        )
    return str(value)


def _reason_text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError({"judgement_reason": _("Alasan penilaian harus berupa teks.")})
    return value.strip()


def _check(case: Case, data: AssessmentIn) -> _Checked:
    version = _version_for(data.instrument)
    return _Checked(
        version=version,
        answers=_answers_check(version, data.answers),
        assessed_at=_moment(data.assessed_at, case),
        judgement=_judgement_level(data.professional_judgement),
        reason=_reason_text(data.judgement_reason),
    )


def bands_for(version: InstrumentVersion, case: Case) -> list[list[Any]]:
    """The version's bands, with the case's unit's own lower boundary (standard / medium) when
    it set one; the high threshold stays the version's."""
    bands = [list(b) for b in version.bands]
    if not bands:
        return bands
    own = OrganisationBands.objects.filter(
        organisation=case.organisation_id, instrument=version.instrument_id
    ).first()
    if own is not None:
        bands = [[lvl, own.medium_from] if lvl == Level.MEDIUM else [lvl, m] for lvl, m in bands]
    return bands


def score_of(version: InstrumentVersion, answers: Mapping[str, str]) -> int:
    """Score = the number of "yes"; don't know and blank count 0 (DESIGN §8)."""
    return sum(1 for k in version.keys if answers.get(k) == Answer.YES)


def level_of(score: int, bands: list[list[Any]]) -> str:
    """The first band (highest first) whose minimum the score reaches; "" without bands."""
    for level, minimum in sorted(bands, key=lambda b: -int(b[1])):
        if score >= int(minimum):
            return str(level)
    return ""


def _rank(level: str) -> int:
    return LEVEL_ORDER.index(Level(level)) if level else -1


def escalation_count(case: Case, assessed_at: datetime) -> int:
    """Active incidents by a partner, former partner, family member or caregiver (the
    incident's own answer, else the case's perpetrators when all are such) with
    ``occurred_on`` in the 12 months up to the assessment's day, both ends inclusive
    (assessed 2025-12-01: 2024-12-01 counts, 2024-11-30 does not)."""
    day = local_date(assessed_at, case)
    relationships: set[str] = set(ESCALATION_RELATIONSHIPS)
    if _case_perpetrators_all_close(case):
        relationships.add("")  # an incident without its own answer: the case's perpetrators
    return (
        case.incidents.active()
        .filter(
            perpetrator_relationship__in=relationships,
            occurred_on__gte=year_before(day),
            occurred_on__lte=day,
        )
        .count()
    )


def _case_perpetrators_all_close(case: Case) -> bool:
    """Whether the case names alleged perpetrators and each is a partner, former partner,
    family member or caregiver: then an incident recorded without a relationship of its own
    is theirs."""
    found = list(
        case.parties.filter(role=PartyRole.PERPETRATOR).values_list("relationship", flat=True)
    )
    return bool(found) and all(r in ESCALATION_RELATIONSHIPS for r in found)


def last_conference_on(case: Case) -> Any:
    return case.risk_conferences.aggregate(last=Max("held_on"))["last"]


def repeat_applies(case: Case) -> bool:
    """An incident on or after the case's last conference and at most 12 months after it,
    inclusive (held 2025-07-01: 2026-07-01 counts, 2026-07-02 does not)."""
    held = last_conference_on(case)
    if held is None:
        return False
    return (
        case.incidents.active()
        .filter(occurred_on__gte=held, occurred_on__lte=year_after(held))
        .exists()
    )


def referral_reasons_for(
    *,
    case: Case,
    version: InstrumentVersion,
    score: int,
    judged: str,
    assessed_at: datetime,
) -> tuple[list[str], int]:
    """Every reason for a referral to the risk conference that applies, in the contract's
    order, and the escalation count. The Danger Assessment refers on judgement only."""
    reasons: list[str] = []
    count = 0
    levelled = bool(version.bands)
    if levelled and version.high_threshold is not None and score >= version.high_threshold:
        reasons.append(ReferralReason.SCORE)
    if judged:
        reasons.append(ReferralReason.JUDGEMENT)
    if levelled:
        count = escalation_count(case, assessed_at)
        if count >= settings.RISK_ESCALATION_INCIDENTS:
            reasons.append(ReferralReason.ESCALATION)
        if repeat_applies(case):
            reasons.append(ReferralReason.REPEAT)
    return [str(r) for r in reasons], count


def _refuse_judgement(actor: User, case: Case, message: str, field: str, why: str) -> None:
    """A judgement without a reason or below the scored level: refused (422) and the attempt
    recorded in its own transaction, so that the refusal does not roll it back (DESIGN §8)."""
    with transaction.atomic():
        audit(actor, AuditAction.DENIED, case, case, reason=why, outcome="refused")
    raise ValidationError({field: message})


def _children_in_household(case: Case, given: bool | None) -> bool:
    if given is not None:
        return given
    return any(
        p.person.age is not None and p.person.age < 18
        for p in case.parties.filter(role=PartyRole.HOUSEHOLD_MEMBER).select_related("person")
    )


def _supervisor_of(case: Case) -> User | None:
    """The supervisor who acts on a high result: one of the case's unit first, then the one
    closest to the case's area (a kecamatan's before the kota's), then the longest serving."""
    candidates = [s for s in supervisors_for({case.area.code}) if s.in_scope(case.area)]
    candidates.sort(
        key=lambda s: (
            s.organisation_id != case.organisation_id,
            -len(s.area.code if s.area else ""),
            s.pk,
        )
    )
    return candidates[0] if candidates else None


def _follow_up(actor: User, case: Case, assessment: RiskAssessment) -> None:
    """Children in the household: a separate child-protection referral (DASH does not assess
    children). A high result: a task for the area's supervisor, due now."""
    now = timezone.now()
    open_kind = case.tasks.filter(status=TaskStatus.OPEN)
    if (
        assessment.children_in_household
        and not open_kind.filter(kind=TaskKind.CHILD_PROTECTION_REFERRAL).exists()
    ):
        task_create(
            case=case,
            kind=TaskKind.CHILD_PROTECTION_REFERRAL,
            due_at=now + timedelta(hours=CHILD_REFERRAL_HOURS),
            source_rule="risk:children_in_household",
        )
    if assessment.level == Level.HIGH and not open_kind.filter(kind=TaskKind.RISK_HIGH).exists():
        supervisor = _supervisor_of(case)
        task_create(
            case=case,
            kind=TaskKind.RISK_HIGH,
            due_at=now + timedelta(hours=settings.RISK_HIGH_TASK_HOURS),
            owner=supervisor,
            source_rule="risk:high",
        )


def _store(
    *,
    actor: User,
    case: Case,
    checked: _Checked,
    bands: list[list[Any]],
    children: bool,
    victim: Person | None,
    revises: RiskAssessment | None = None,
) -> RiskAssessment:
    version = checked.version
    score = score_of(version, checked.answers)
    scored = level_of(score, bands) if version.rule == Rule.COUNT_YES else ""
    if checked.judgement and not checked.reason:
        _refuse_judgement(
            actor,
            case,
            _("Penilaian profesional wajib disertai alasan tertulis."),
            "judgement_reason",
            "judgement_without_reason",
        )
    if checked.judgement and scored and _rank(checked.judgement) < _rank(scored):
        _refuse_judgement(
            actor,
            case,
            _(
                "Penilaian profesional hanya dapat menaikkan tingkat, tidak menurunkannya: "
                "tingkat dari skor adalah %(level)s."
            )
            % {"level": Level(scored).label},
            "professional_judgement",
            "judgement_below_score",
        )
    final = ""
    if scored:
        final = max(scored, checked.judgement or scored, key=_rank)
    reasons, count = referral_reasons_for(
        case=case,
        version=version,
        score=score,
        judged=checked.judgement,
        assessed_at=checked.assessed_at,
    )
    with transaction.atomic():
        assessment = RiskAssessment(
            case=case,
            victim=victim,
            version=version,
            instrument=version.instrument.key,
            answers=checked.answers,
            bands=bands,
            score=score,
            scored_level=scored,
            judged_level=checked.judgement,
            judgement_reason=checked.reason if checked.judgement else "",
            level=final,
            referral_required=bool(reasons),
            referral_reasons=reasons,
            escalation_count=count,
            children_in_household=children,
            assessed_at=checked.assessed_at,
            assessed_by=actor,
            revises=revises,
        )
        save(assessment)
        _follow_up(actor, case, assessment)
        audit(actor, AuditAction.CREATE, assessment, case)
    return assessment


def _victim_of(case: Case, victim: Person | None) -> Person | None:
    if victim is not None:
        if not case.parties.filter(role=PartyRole.VICTIM, person=victim).exists():
            raise ValidationError({"victim": _("Orang ini bukan korban pada kasus ini.")})
        return victim
    first = case.parties.filter(role=PartyRole.VICTIM).select_related("person").first()
    return first.person if first else None


def assessment_create(*, actor: User, case: Case, data: AssessmentIn) -> RiskAssessment:
    """Record an assessment with the instrument's current version (CONTRACT §7). Every bad
    input is a 422 naming the field and stores nothing; a refused judgement is audited.
    Callers: the case's writers."""
    require_writer(actor, case)
    if data.instrument == "dash":
        # The unit may require a competency to sign a DASH assessment (DESIGN §10): checked
        # before anything is written (CompetencyRequired, 403, names what is missing).
        require_competency(actor, DASH_SIGNOFF)
    checked = _check(case, data)
    return _store(
        actor=actor,
        case=case,
        checked=checked,
        bands=bands_for(checked.version, case),
        children=_children_in_household(case, data.children_in_household),
        victim=_victim_of(case, data.victim),
    )


def assessment_judge(
    *, actor: User, assessment: RiskAssessment, level: Any, reason: Any
) -> RiskAssessment:
    """A professional judgement on a past result: a new assessment with the same version,
    bands, answers and moment, revising the old one, which stays as it was."""
    case = assessment.case
    require_writer(actor, case)
    if assessment.instrument == "dash":
        require_competency(actor, DASH_SIGNOFF)
    checked = _Checked(
        version=assessment.version,
        answers=dict(assessment.answers),
        assessed_at=assessment.assessed_at,
        judgement=_judgement_level(level),
        reason=_reason_text(reason),
    )
    if not checked.judgement:
        raise ValidationError({"professional_judgement": _("Pilih tingkat penilaian profesional.")})
    return _store(
        actor=actor,
        case=case,
        checked=checked,
        bands=[list(b) for b in assessment.bands],
        children=assessment.children_in_household,
        victim=assessment.victim,
        revises=assessment,
    )


def assessments_read_audit(*, actor: User, case: Case, request: HttpRequest | None = None) -> None:
    audit(actor, AuditAction.VIEW, case, case, request=request)
