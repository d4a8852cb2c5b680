"""Realistic synthetic cases for benchmarks (``manage.py generate_synthetic``).

Rows are written with ``bulk_create`` in batches (no per-case services, no audit: this is
test data, never real people), but every field is filled as the services would fill it:
encrypted personal data with blind indexes and name tokens, classified incidents with traces
and flags, statutory tasks, status history, and a converted source report for cases that came
in through the public form or an activist. Deterministic for a given ``seed``."""

from __future__ import annotations

import functools
import random
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from naungan.accounts.models import Role, User
from naungan.areas.models import Area, AreaLevel
from naungan.cases import classification
from naungan.cases.models import (
    Case,
    CaseParty,
    CaseStatus,
    Incident,
    PartyRole,
    Person,
    PersonNameToken,
    Relationship,
    StatusChange,
    Task,
    TaskKind,
    TaskStatus,
)
from naungan.cases.names import name_token_hashes
from naungan.cases.services import POLICE_REPORT_HOURS, POLICE_REPORT_RULE
from naungan.core.fields import blind_index
from naungan.demo.bulk_insert import BATCH, insert_rows
from naungan.orgs.models import Organisation, OrgKind

FIRST = ["Siti", "Nur", "Dewi", "Ayu", "Rina", "Putri", "Sri", "Wati", "Fitri", "Intan", "Lestari",
         "Aminah", "Rahma", "Yuni", "Ani", "Indah", "Melati", "Dian", "Ratna", "Sari"]  # fmt: skip
LAST = ["Rahayu", "Wulandari", "Hasanah", "Kusuma", "Saputri", "Handayani", "Lestari", "Pratiwi",
        "Susanti", "Maharani", "Anggraini", "Safitri", "Nurhaliza", "Utami", "Permata"]  # fmt: skip
MALE = ["Budi", "Agus", "Joko", "Slamet", "Andi", "Rudi", "Hendra", "Yusuf", "Bambang", "Eko"]
# Weighted draws: (value, weight)
VIOLENCE = [("physical", 30), ("psychological", 30), ("sexual", 25), ("neglect", 8),
            ("exploitation", 3), ("trafficking", 2), ("other", 2)]  # fmt: skip
# Status by the case's age: identification takes days, most cases older than half a year are
# closed.
STATUS_RECENT = [("open", 60), ("assessment", 40)]
STATUS_MONTHS = [("assessment", 20), ("intervention", 35), ("monitoring", 25), ("closed", 20)]
STATUS_OLD = [("intervention", 5), ("monitoring", 10), ("closed", 85)]
CHANNEL = [("walk_in", 30), ("hotline", 25), ("web", 20), ("activist", 15), ("referral_in", 7),
           ("outreach", 3)]  # fmt: skip
RELATIONSHIP = [("intimate_partner", 30), ("family", 20), ("primary_caregiver", 10),
                ("neighbour_friend", 15), ("former_partner", 8), ("teacher", 3), ("stranger", 6),
                ("schoolmate", 4), ("unknown", 4)]  # fmt: skip
TRIAGE = [("emergency", 10), ("high", 25), ("medium", 45), ("low", 20)]
PLACE = [("household", 55), ("public_facility", 15), ("school", 10), ("workplace", 8),
         ("short_course", 2), ("other", 10)]  # fmt: skip
# UU TPKS category of a sexual-violence incident, by GBVIMS type.
TPKS_RAPE = [("rape", 80), ("sexual_exploitation", 10), ("other", 10)]
TPKS_ASSAULT = [("physical_harassment", 45), ("obscene_act", 25), ("nonphysical_harassment", 15),
                ("electronic", 10), ("other", 5)]  # fmt: skip
DISABILITY_SHARE = 0.04
# Lead caseworkers per unit: one per this many cases (open and closed over three years).
CASES_PER_CASEWORKER = 200


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _w in pairs], weights=[w for _v, w in pairs])[0]


@dataclass
class Unit:
    org: Organisation
    villages: list[Area]
    intake: list[User]
    caseworkers: list[User]
    supervisors: list[User]


def _units() -> list[Unit]:
    units = []
    for org in Organisation.objects.filter(kind=OrgKind.UPTD_PPA, active=True).select_related(
        "area"
    ):
        villages = list(
            Area.objects.filter(org.area.contains_q(""), level=AreaLevel.VILLAGE).order_by("code")
        )
        staff = list(User.objects.filter(organisation=org, is_active=True).select_related("area"))
        intake = [u for u in staff if u.role in (Role.INTAKE, Role.SUPERVISOR)]
        if not villages or not intake:
            continue
        units.append(
            Unit(
                org=org,
                villages=villages,
                intake=intake,
                caseworkers=[u for u in staff if u.role == Role.CASEWORKER],
                supervisors=[u for u in staff if u.role == Role.SUPERVISOR],
            )
        )
    return units


def _ensure_caseworkers(unit: Unit, *, target: int) -> None:
    """Synthetic caseworkers so caseloads stay realistic at any volume (no usable password)."""
    missing = target - len(unit.caseworkers)
    if missing <= 0:
        return
    base = User.objects.filter(username__startswith=f"syn_cw_{unit.org.slug}_").count()
    users = []
    for k in range(base, base + missing):
        user = User(
            username=f"syn_cw_{unit.org.slug}_{k}",
            role=Role.CASEWORKER,
            organisation=unit.org,
            area=unit.org.area,
        )
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users, batch_size=BATCH)
    unit.caseworkers += list(
        User.objects.filter(username__in=[u.username for u in users]).select_related("area")
    )


def generate(*, cases: int, seed: int = 1, progress: Callable[[int], None] | None = None) -> int:
    """Add ``cases`` synthetic cases across the active UPTD PPA units; returns how many."""
    start = Case.objects.filter(registration_number__startswith="SYN/").count()
    # Seeded by the run's starting point too: the same seed twice must not repeat public ids.
    rng = random.Random(f"{seed}:{start}")  # noqa: S311 - synthetic data, not security
    units = _units()
    if not units:
        raise RuntimeError("no UPTD PPA with villages and intake staff: run seed_demo first")
    for unit in units:
        _ensure_caseworkers(unit, target=-(-cases // len(units) // CASES_PER_CASEWORKER))
    now = timezone.now()
    made = 0
    while made < cases:
        n = min(BATCH, cases - made)
        _batch(rng=rng, units=units, first=start + made, n=n, now=now)
        made += n
        if progress:
            progress(made)
    return made


def _status_for_age(rng: random.Random, age: timedelta) -> str:
    if age < timedelta(days=14):
        return _weighted(rng, STATUS_RECENT)
    if age < timedelta(days=180):
        return _weighted(rng, STATUS_MONTHS)
    return _weighted(rng, STATUS_OLD)


def _person(rng: random.Random, *, female: bool, age: int, with_ids: bool) -> Person:
    name = (
        f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if female
        else f"{rng.choice(MALE)} {rng.choice(LAST)}"
    )
    nik = phone = ""
    if with_ids:
        nik = "64" + "".join(str(rng.randrange(10)) for _ in range(14))
        phone = "+628" + "".join(str(rng.randrange(10)) for _ in range(10))
    return Person(
        public_id=_uuid(rng),
        name=name,
        nik=nik,
        nik_index=blind_index("nik", nik),
        phone=phone,
        phone_index=blind_index("phone", phone),
        age=age,
        sex="F" if female else "M",
    )


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


@transaction.atomic
def _batch(*, rng: random.Random, units: list[Unit], first: int, n: int, now: datetime) -> None:
    from naungan.reports.codes import pin_hash
    from naungan.reports.models import Report

    case_rows: list[Case] = []
    people: list[Person] = []
    plans: list[dict[str, Any]] = []
    reports: list[Report] = []
    for i in range(n):
        unit = rng.choice(units)
        area = rng.choice(unit.villages)
        received = now - timedelta(minutes=rng.randrange(60, 3 * 365 * 24 * 60))
        types = sorted({_weighted(rng, VIOLENCE) for _ in range(rng.choice([1, 1, 2]))})
        status = _status_for_age(rng, now - received)
        channel = _weighted(rng, CHANNEL)
        assigned = status != CaseStatus.OPEN or rng.random() < 0.6
        lead = rng.choice(unit.caseworkers) if unit.caseworkers and assigned else None
        child = rng.random() < 0.45
        victim_age = rng.randrange(3, 18) if child else rng.randrange(18, 65)
        victim = _person(rng, female=rng.random() < 0.9, age=victim_age, with_ids=not child)
        perp = _person(rng, female=False, age=rng.randrange(16, 70), with_ids=rng.random() < 0.3)
        people += [victim, perp]
        report = None
        if channel in ("web", "activist"):
            report = Report(
                public_id=_uuid(rng),
                # Unique by construction (random codes collide at a million rows); never a
                # valid reporter code, since it has no check character.
                tracking_code=f"SY{first + i:010d}",
                pin_hash=pin_hash(secrets.token_hex(4)),
                kind="complaint",
                channel=channel,
                reporter_relation=rng.choice(["victim", "family", "witness"]),
                anonymous=True,
                violence_types=types,
                description="Laporan sintetis untuk uji beban.",
                area=area,
                received_at=received,
                status="converted",
                organisation=unit.org,
            )
            reports.append(report)
        case = Case(
            public_id=_uuid(rng),
            registration_number=f"SYN/{received.year}/{first + i:08d}",
            organisation=unit.org,
            area=area,
            channel=channel,
            received_at=received,
            status=status,
            violence_types=types,
            description="Kasus sintetis untuk uji beban.",
            triage=_weighted(rng, TRIAGE),
            lead=lead,
            created_by=rng.choice(unit.intake),
            source_report=report,
            closed_at=min(received + timedelta(days=rng.randrange(7, 120)), now)
            if status == CaseStatus.CLOSED
            else None,
        )
        case.fill_derived()
        case_rows.append(case)
        # The dimensions added later (disability, place, UU TPKS category) come from a
        # generator of their own, seeded by the case: the main stream, and so every other
        # synthetic row of a seed, stays what it was before they were added.
        dims = random.Random(case.public_id.int)  # noqa: S311 - synthetic data
        victim.disability = dims.random() < DISABILITY_SHARE
        plans.append(
            {"victim": victim, "perp": perp, "child": child, "age": victim_age, "dims": dims}
        )

    insert_rows(Report, reports, with_ids=True)
    for case in case_rows:  # the reports got their ids only now
        if case.source_report is not None:
            case.source_report_id = case.source_report.pk
    insert_rows(Person, people, with_ids=True)
    insert_rows(Case, case_rows, with_ids=True)
    tokens = [PersonNameToken(person=p, token=t) for p in people for t in name_token_hashes(p.name)]
    insert_rows(PersonNameToken, tokens)

    parties: list[CaseParty] = []
    incidents: list[Incident] = []
    tasks: list[Task] = []
    changes: list[StatusChange] = []
    stamp = now.astimezone(UTC).isoformat()
    for case, plan in zip(case_rows, plans, strict=True):
        rel = _weighted(rng, RELATIONSHIP)
        if plan["child"] and rel in ("intimate_partner", "former_partner"):
            rel = Relationship.FAMILY
        parties.append(
            CaseParty(
                public_id=_uuid(rng),
                case=case,
                person=plan["victim"],
                role=PartyRole.VICTIM,
                violence_types=case.violence_types,
            )
        )
        parties.append(
            CaseParty(
                public_id=_uuid(rng),
                case=case,
                person=plan["perp"],
                role=PartyRole.PERPETRATOR,
                relationship=rel,
            )
        )
        actor = case.lead or case.created_by
        changes.append(StatusChange(case=case, from_status="", to_status="open", actor=actor))
        if case.status != CaseStatus.OPEN:
            changes.append(
                StatusChange(case=case, from_status="open", to_status=case.status, actor=actor)
            )
        sexual = "sexual" in case.violence_types
        if case.status != CaseStatus.OPEN:
            answers = {
                "penetration": sexual and rng.random() < 0.4,
                "sexual_contact": sexual,
                "physical_assault": "physical" in case.violence_types,
                "forced_marriage": False,
                "denial_of_resources": "neglect" in case.violence_types,
                "psychological_abuse": "psychological" in case.violence_types,
            }
            result = classification.classify(answers)
            dims = plan["dims"]
            tpks = ""
            if result.gbv_type == "rape":
                tpks = _weighted(dims, TPKS_RAPE)
            elif result.gbv_type == "sexual_assault":
                tpks = _weighted(dims, TPKS_ASSAULT)
            money = "exploitation" in case.violence_types
            abduction = "trafficked" if "trafficking" in case.violence_types else "none"
            incidents.append(
                Incident(
                    public_id=_uuid(rng),
                    case=case,
                    survivor=plan["victim"],
                    occurred_on=(case.received_at - timedelta(days=rng.randrange(0, 30))).date(),
                    survivor_age=plan["age"],
                    perpetrator_relationship=rel,
                    perpetrator_age=plan["perp"].age,
                    gbv_type=result.gbv_type,
                    tpks_type=tpks,
                    place=_weighted(dims, PLACE),
                    answer_trace=[
                        {
                            "by": actor.username,
                            "at": stamp,
                            "questions": result.trace,
                            "gbv_type": result.gbv_type,
                        }
                    ],
                    context_flags=classification.context_flags(
                        gbv_type=result.gbv_type,
                        perpetrator_relationships=[rel],
                        survivor_age=plan["age"],
                        money_goods_exchanged=money,
                        abduction=abduction,
                        harmful_traditional_practice="no",
                    ),
                    money_goods_exchanged=money,
                    abduction=abduction,
                    violence_types=case.violence_types,
                    reporting_consent=rng.random() < 0.85,
                    reported_elsewhere=rng.random() < 0.05,
                    narrative="Kronologi sintetis.",
                    recorded_by=actor,
                    **{f"q_{k}": v for k, v in answers.items()},
                )
            )
        if sexual:
            done = case.status not in (CaseStatus.OPEN, CaseStatus.ASSESSMENT)
            tasks.append(
                Task(
                    public_id=_uuid(rng),
                    case=case,
                    kind=TaskKind.POLICE_REPORT,
                    owner=case.lead,
                    due_at=case.received_at + timedelta(hours=POLICE_REPORT_HOURS),
                    status=TaskStatus.DONE if done else TaskStatus.OPEN,
                    statutory=True,
                    source_rule=POLICE_REPORT_RULE,
                    completed_at=case.received_at + timedelta(hours=30) if done else None,
                    completed_by=case.lead if done else None,
                )
            )
        if case.status in (CaseStatus.INTERVENTION, CaseStatus.MONITORING):
            tasks.append(
                Task(
                    public_id=_uuid(rng),
                    case=case,
                    kind=TaskKind.REVIEW,
                    owner=case.lead,
                    due_at=now + timedelta(days=rng.randrange(-10, 30)),
                    source_rule="review 30 days",
                )
            )
    insert_rows(CaseParty, parties, with_ids=True)  # consents of referrals point at victims
    for model, rows in (
        (Incident, incidents),
        (Task, tasks),
        (StatusChange, changes),
    ):
        insert_rows(model, rows)
    victims = [p for p in parties if p.role == PartyRole.VICTIM]
    context = BatchContext(rng=rng, now=now, cases=case_rows, victims=victims, units=units)
    for extend in _extenders():
        extend(context)


@dataclass
class BatchContext:
    """What one batch wrote, for the apps that add their rows to it (services, referrals):
    the cases (with ids), their victims' parties in the same order, the units."""

    rng: random.Random
    now: datetime
    cases: list[Case]
    victims: list[CaseParty]
    units: list[Unit]


@functools.cache
def _extenders() -> list[Callable[[BatchContext], None]]:
    """The apps that add their rows to each batch (imported late: they import this module)."""
    from naungan.referrals.synthetic import add_referrals
    from naungan.services.synthetic import add_services

    return [add_services, add_referrals]


def uuid_from(rng: random.Random) -> uuid.UUID:
    """A deterministic UUID from the batch's generator (for the apps' synthetic rows)."""
    return _uuid(rng)


__all__ = ["BatchContext", "generate", "uuid_from"]
