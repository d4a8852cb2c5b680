"""Which cases a user sees and may write on (role, area, assignment), the case list with its
filters and pages, the case page's reads (detail, parties, pending closure, timeline)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connections
from django.db.models import Case as SqlCase  # the model is ``Case``
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.utils import timezone

from naungan.accounts.models import Role, User
from naungan.cases.models import (
    Case,
    CaseParty,
    Incident,
    Person,
    PersonNameToken,
    Task,
    TaskStatus,
    Triage,
)
from naungan.cases.names import name_token_hashes
from naungan.core.fields import blind_index
from naungan.core.normalize import is_valid_nik
from naungan.core.selectors import area_scope_q

NONE_Q = Q(pk__in=[])
# Most urgent first: emergency, high, medium, low, then not yet triaged (DESIGN §4).
TRIAGE_ORDER = [Triage.EMERGENCY, Triage.HIGH, Triage.MEDIUM, Triage.LOW]


def triage_rank(prefix: str = "") -> SqlCase:
    """An ordering expression on a case's triage (``prefix="case__"`` from a related row):
    0 for emergency … 3 for low, 4 untriaged."""
    return SqlCase(
        *[
            When(**{f"{prefix}triage": level}, then=Value(i))
            for i, level in enumerate(TRIAGE_ORDER)
        ],
        default=Value(len(TRIAGE_ORDER)),
        output_field=IntegerField(),
    )


def assigned_case_ids(user: User) -> QuerySet[Any]:
    """Ids of cases the user leads or co-works, as one UNION subquery: the planner joins it
    through the indexes (an OR of the two would scan every case)."""
    led = Case.objects.filter(lead_id=user.pk).values("pk")
    return led.union(Case.co_workers.through.objects.filter(user_id=user.pk).values("case_id"))


def _named_ids(user: User) -> QuerySet[Any]:
    """Ids of cases on which ``user`` is named: lead, co-worker or listed for a restricted
    case."""
    listed = Case.restricted_to.through.objects.filter(user_id=user.pk).values("case_id")
    return assigned_case_ids(user).union(listed)


def _visible_q(user: User, prefix: str = "") -> Q:
    """The visibility rule as a Q on ``Case`` (``prefix=""``) or on a model reaching the case
    through ``prefix`` (e.g. ``"case__"`` for tasks), so callers join instead of nesting."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NONE_Q
    role = user.role
    if role == Role.CASEWORKER:
        # Assigned means named, so restricted cases they are assigned to are included.
        assigned = Q(**{f"{prefix}pk__in": assigned_case_ids(user)})
        if not (settings.CASEWORKER_SEES_UNIT_CASES and user.organisation_id):
            return assigned
        # Configured per installation: also the unit's (unrestricted) cases in their area.
        unit = Q(
            **{f"{prefix}organisation_id": user.organisation_id, f"{prefix}restricted": False}
        ) & area_scope_q(user, prefix=f"{prefix}area_")
        return assigned | unit
    if role == Role.SUPERVISOR:
        # The area codes copied onto the case (``Case.area_*``): same rule as
        # ``prefix="area__"``, without the join.
        base = area_scope_q(user, prefix=f"{prefix}area_")
    elif role == Role.INTAKE:
        # Still in their scope: a case transferred to another unit leaves its creator too.
        base = Q(**{f"{prefix}created_by_id": user.pk}) & area_scope_q(
            user, prefix=f"{prefix}area_"
        )
    else:  # activist, provider, analyst, admin: no case content
        return NONE_Q
    # Restricted cases (a party is staff, a relative or a public figure): named users only.
    return base & (Q(**{f"{prefix}restricted": False}) | Q(**{f"{prefix}pk__in": _named_ids(user)}))


def cases_visible_to(user: User) -> QuerySet[Case]:
    """Caseworker: cases they lead or co-work (plus, where ``NAUNGAN_CASEWORKER_SEES_UNIT_CASES``
    is on, their unit's unrestricted cases in their area). Supervisor: every case in their
    area scope.
    Intake: cases they created. Everyone else: none. Restricted cases only to named users."""
    q = _visible_q(user)
    if q is NONE_Q:
        return Case.objects.none()
    return Case.objects.filter(q)


def cases_writable_by(user: User) -> QuerySet[Case]:
    """Who writes on a case (CONTRACT §4): its assigned caseworkers and the supervisors of its
    area. Intake officers only read the cases they created."""
    role = getattr(user, "role", "")
    if role == Role.CASEWORKER:
        # Seeing the unit's cases (CASEWORKER_SEES_UNIT_CASES) never makes them writable.
        if not user.is_active:
            return Case.objects.none()
        return Case.objects.filter(pk__in=assigned_case_ids(user))
    if role != Role.SUPERVISOR:
        return Case.objects.none()
    return cases_visible_to(user)


def case_get(*, user: User, case_id: UUID | str) -> Case:
    """One visible case; 404 for a missing case and an out-of-scope one alike."""
    return _get(cases_visible_to(user), case_id)


def case_is_writable(*, user: User, case: Case) -> bool:
    """Whether ``user`` may write on ``case`` (``cases_writable_by``): the case page's one
    question before it offers a write."""
    return cases_writable_by(user).filter(pk=case.pk).exists()


def case_from_report(*, user: User, report: Any) -> Case | None:
    """The case a converted report became, if ``user`` sees it."""
    return cases_visible_to(user).filter(source_report_id=report.pk).order_by("pk").first()


def report_has_case(*, report: Any) -> bool:
    """Whether a report has been converted into a case (whoever may see it)."""
    return Case.objects.filter(source_report_id=report.pk).exists()


def case_get_for_write(*, user: User, case_id: UUID | str) -> Case:
    return _get(cases_writable_by(user), case_id)


def _get(qs: QuerySet[Case], case_id: UUID | str) -> Case:
    try:
        return qs.select_related("area", "organisation", "lead", "created_by").get(
            public_id=case_id
        )
    except (Case.DoesNotExist, ValidationError, ValueError, TypeError) as exc:
        # A malformed id is "not found" too.
        raise Http404 from exc


@dataclass(frozen=True)
class CaseFilters:
    """The case list's filters, built once (from the list's filter form with ``from_form``, or
    from the API query) and shared by the list page, bulk assignment, exports and the API.
    ``q`` is a registration number, an exact NIK or phone, or name words; ``area_code``
    includes the area's sub-areas; ``lead`` is a username."""

    status: str = ""
    area_code: str = ""
    violence_type: str = ""
    q: str = ""
    lead: str = ""
    overdue: bool = False
    # The statistics' dimensions (a dashboard number links to the list with its own): the
    # report date (the case's ``received_at``, days in the zone of the ``area`` filter), the
    # channel, and the case's incidents (one incident must match all of these; ``counted``:
    # only incidents the statistics count). A key ``unknown`` matches an empty value.
    received_from: date | None = None
    received_to: date | None = None
    channel: str = ""
    occurred_from: date | None = None
    occurred_to: date | None = None
    age_group: str = ""
    sex: str = ""
    disability: str = ""
    place: str = ""
    relationship: str = ""
    perpetrator_age_group: str = ""
    gbv_type: str = ""
    tpks_type: str = ""
    counted: bool = False
    invalid: bool = False  # the filters could not be read: nothing matches

    @classmethod
    def from_form(cls, cleaned: Mapping[str, Any]) -> CaseFilters:
        """From the cleaned data of ``CaseFilterForm`` (empty when the form is invalid)."""

        def text(name: str) -> str:
            return str(cleaned.get(name) or "")

        return cls(
            status=text("status"),
            area_code=text("area"),
            violence_type=text("violence_type"),
            q=text("q"),
            overdue=bool(cleaned.get("overdue")),
            received_from=cleaned.get("received_from"),
            received_to=cleaned.get("received_to"),
            occurred_from=cleaned.get("occurred_from"),
            occurred_to=cleaned.get("occurred_to"),
            counted=bool(cleaned.get("counted")),
            channel=text("channel"),
            age_group=text("age_group"),
            sex=text("sex"),
            disability=text("disability"),
            place=text("place"),
            relationship=text("relationship"),
            perpetrator_age_group=text("perpetrator_age_group"),
            gbv_type=text("gbv_type"),
            tpks_type=text("tpks_type"),
        )

    def __bool__(self) -> bool:
        """Whether any filter is set (the list then says "nothing matches these filters")."""
        return any(getattr(self, f.name) for f in fields(self))


def case_list(*, user: User, filters: CaseFilters | None = None) -> QuerySet[Case]:
    """Visible cases with the list filters, newest first. ``q`` is a registration number, an
    exact NIK or phone (blind index) or name words (keyed tokens, all must match)."""
    f = filters or CaseFilters()
    status, area_code, violence_type, q, lead, overdue = (
        f.status,
        f.area_code,
        f.violence_type,
        f.q,
        f.lead,
        f.overdue,
    )
    qs = cases_visible_to(user)
    if f.invalid:
        return qs.none()
    if status:
        qs = qs.filter(status=status)
    if area_code:
        from naungan.areas.models import Area

        area = Area.objects.filter(code=area_code).first()
        qs = qs.filter(area.contains_q("area_")) if area else qs.none()
    if violence_type:
        qs = qs.filter(violence_key__contains=f",{violence_type},")
    if lead:
        qs = qs.filter(lead__username=lead)
    if overdue:
        qs = qs.filter(
            Exists(
                Task.objects.filter(
                    case_id=OuterRef("pk"), status=TaskStatus.OPEN, due_at__lt=timezone.now()
                )
            )
        )
    if q:
        qs = qs.filter(_search_q(q.strip()))
    qs = _dimension_filter(qs, f)
    return qs.select_related("area", "lead").order_by("-received_at", "-id")


UNKNOWN = "unknown"


def _is_unknown(field: str) -> Q:
    """An empty value, read as unknown by the statistics ("", NULL or ``unknown``)."""
    return Q(**{field: ""}) | Q(**{f"{field}__isnull": True}) | Q(**{field: UNKNOWN})


def _value_q(field: str, value: str) -> Q:
    return _is_unknown(field) if value == UNKNOWN else Q(**{field: value})


def _age_q(field: str, key: str, groups: list[tuple[str, int, int | None]]) -> Q:
    if key == UNKNOWN:
        return Q(**{f"{field}__isnull": True})
    for name, low, high in groups:
        if name == key:
            cond = Q(**{f"{field}__gte": low})
            return cond & Q(**{f"{field}__lte": high}) if high is not None else cond
    return NONE_Q


def _dimension_filter(qs: QuerySet[Case], f: CaseFilters) -> QuerySet[Case]:
    """The statistics' dimensions, matched exactly as ``naungan.stats`` counts them, so that
    a dashboard number and the list it links to agree."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from django.db.models.functions import Coalesce

    from naungan.areas.models import Area
    from naungan.core.vocabulary import PERPETRATOR_AGE_GROUPS, VICTIM_AGE_GROUPS

    if f.received_from or f.received_to:
        area = Area.objects.filter(code=f.area_code).first() if f.area_code else None
        zone = ZoneInfo(area.timezone) if area else timezone.get_current_timezone()

        def start_of(day: date) -> datetime:
            return datetime(day.year, day.month, day.day, tzinfo=zone)

        if f.received_from:
            qs = qs.filter(received_at__gte=start_of(f.received_from))
        if f.received_to:
            qs = qs.filter(received_at__lt=start_of(f.received_to + timedelta(days=1)))
    if f.channel:
        qs = qs.filter(_value_q("channel", f.channel))
    incident = Q()
    if f.counted:
        incident &= Q(reporting_consent=True, reported_elsewhere=False)
    if f.occurred_from:
        incident &= Q(occurred_on__gte=f.occurred_from)
    if f.occurred_to:
        incident &= Q(occurred_on__lte=f.occurred_to)
    if f.age_group:
        incident &= _age_q("dim_age", f.age_group, VICTIM_AGE_GROUPS)
    if f.perpetrator_age_group:
        incident &= _age_q("perpetrator_age", f.perpetrator_age_group, PERPETRATOR_AGE_GROUPS)
    if f.sex:
        incident &= _value_q("survivor__sex", f.sex)
    if f.disability:
        incident &= Q(survivor__disability=f.disability == "true")
    for name, field in (
        ("place", "place"),
        ("relationship", "perpetrator_relationship"),
        ("gbv_type", "gbv_type"),
        ("tpks_type", "tpks_type"),
    ):
        value = getattr(f, name)
        if value:
            incident &= _value_q(field, value)
    if incident:
        incidents = (
            Incident.objects.active()
            .annotate(
                dim_age=Coalesce("survivor_age", "survivor__age", output_field=IntegerField())
            )
            .filter(incident, case_id=OuterRef("pk"))
        )
        qs = qs.filter(Exists(incidents))
    return qs


class _Page:
    """A compiled page of ``case_list``: its SQL and the compiler that converts its rows."""

    __slots__ = ("compiler", "count_params", "count_sql", "params", "sql")

    def __init__(self, qs: QuerySet[Case], columns: tuple[str, ...], offset: int, limit: int):
        page = qs.values_list(*columns)[offset : offset + limit]
        self.compiler = page.query.get_compiler(using=qs.db)
        self.sql, self.params = self.compiler.as_sql()
        inner = qs.order_by().values_list("pk").query.get_compiler(using=qs.db)
        inner_sql, self.count_params = inner.as_sql()
        self.count_sql = f"SELECT COUNT(*) FROM ({inner_sql}) subquery"  # noqa: S608
        # Page and count in one round trip: the count as an uncorrelated scalar subquery at
        # the end of the select list (Django's ORDER BY may name columns by position), which
        # the database evaluates once (PostgreSQL: an InitPlan). The select list holds plain
        # columns only, so its end is the first FROM and no parameter precedes the count's.
        head, sep, tail = self.sql.partition(" FROM ")
        if not sep or "%s" in head:
            raise ValueError("unexpected case list SQL")  # a Django change: keep it honest
        self.sql = f"{head}, ({self.count_sql}){sep}{tail}"
        self.params = (*self.count_params, *self.params)


_PAGES_MAX = 2000


def case_list_page(
    *, user: User, columns: tuple[str, ...], offset: int, limit: int, filters: CaseFilters
) -> tuple[list[tuple[Any, ...]], int]:
    """One page of ``case_list(user=user, filters=filters)`` as rows of ``columns``, and the
    count of the whole list.

    The SQL depends only on the user's id, role, area and unit, the filters and the page, never
    on data, so it is compiled once per database connection and reused: building the scope
    rule and compiling it cost more than running both queries (docs/performance.md). The
    database evaluates it on every call, so new, moved or reassigned cases show at once.
    ``overdue`` (it holds the current time) is compiled each time."""
    area = user.area if user.area_id else None
    key = (
        user.pk,
        user.role,
        user.is_active,
        (area.code, area.level) if area else None,
        user.organisation_id,
        settings.CASEWORKER_SEES_UNIT_CASES,
        columns,
        offset,
        limit,
        filters,
    )
    connection = connections[Case.objects.db]
    cache: dict[Any, _Page] = connection.__dict__.setdefault("_naungan_case_pages", {})
    page = None if filters.overdue else cache.get(key)
    if page is None:
        try:
            page = _Page(case_list(user=user, filters=filters), columns, offset, limit)
        except EmptyResultSet:  # e.g. an unknown area: nothing matches
            return [], 0
        if not filters.overdue:
            if len(cache) >= _PAGES_MAX:
                cache.clear()
            cache[key] = page
    with connection.cursor() as cursor:
        cursor.execute(page.sql, page.params)
        rows = cursor.fetchall()
        if rows:
            count = int(rows[0][-1])
        else:  # past the last page: the count still counts
            cursor.execute(page.count_sql, page.count_params)
            count = int(cursor.fetchone()[0])
    rows = [row[:-1] for row in rows]
    return list(page.compiler.results_iter(results=[rows], tuple_expected=True)), count


def _search_q(q: str) -> Q:
    """A registration number (has a "/"), an exact NIK or phone, or name words. Each kind uses
    its own index; they are not OR-ed together, which would scan every case in scope."""
    if "/" in q:
        return Q(registration_number__icontains=q)
    digits = "".join(ch for ch in q if ch.isdigit())
    compact = q.replace(" ", "").replace("-", "").replace(".", "")
    person_ids: Any
    if is_valid_nik(q) and len(digits) == len(compact):
        person_ids = Person.objects.filter(nik_index=blind_index("nik", q)).values("pk")
    elif len(digits) >= 8 and len(digits) >= len(compact) - 1:
        person_ids = Person.objects.filter(phone_index=blind_index("phone", q)).values("pk")
    else:
        tokens = name_token_hashes(q)
        if not tokens:
            return Q(registration_number__icontains=q)
        person_ids = (
            PersonNameToken.objects.filter(token__in=tokens)
            .values("person_id")
            .annotate(n=Count("token", distinct=True))
            .filter(n__gte=len(tokens))
            .values("person_id")
        )
    return Q(pk__in=CaseParty.objects.filter(person_id__in=person_ids).values("case_id"))


def case_detail(*, user: User, case_id: UUID | str) -> Case:
    """A visible case with its parties, incidents and tasks prefetched."""
    case = case_get(user=user, case_id=case_id)
    parties = CaseParty.objects.select_related("person", "guardian_of__person").order_by("id")
    return (
        Case.objects.filter(pk=case.pk)
        .select_related("area", "organisation", "lead", "created_by")
        .prefetch_related(
            Prefetch("parties", queryset=parties),
            Prefetch(
                "incidents", queryset=Incident.objects.select_related("survivor", "withdrawn_by")
            ),
            Prefetch("tasks", queryset=Task.objects.select_related("owner")),
            "co_workers",
        )
        .get()
    )


def case_parties(case: Case, role: str) -> list[CaseParty]:
    return [p for p in case.parties.all() if p.role == role]
