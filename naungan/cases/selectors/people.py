"""People search before create (DESIGN §4) and the people a user may link to a new case."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import Http404

from naungan.accounts.models import User
from naungan.cases.models import (
    Case,
    CaseParty,
    PartyRole,
    Person,
    PersonNameToken,
)
from naungan.cases.names import name_token_hashes
from naungan.cases.selectors.cases import cases_visible_to
from naungan.core.fields import blind_index
from naungan.core.normalize import is_valid_nik, normalize_phone


def person_matches(
    *,
    user: User,
    nik: str = "",
    phone: str = "",
    name: str = "",
    birth_year: int | None = None,
    age: int | None = None,
) -> tuple[list[dict[str, Any]], list[Case]]:
    """Search before create (DESIGN §4). Exact on NIK and phone through the blind indexes; fuzzy
    on name tokens (at least two shared, or all of a one-word name) narrowed by birth year or
    age when given. Returns (matches in cases the user sees, hidden cases outside scope)."""
    found: dict[int, str] = {}
    if nik and is_valid_nik(nik):
        for pk in Person.objects.filter(nik_index=blind_index("nik", nik)).values_list(
            "pk", flat=True
        ):
            found.setdefault(pk, "nik")
    if phone and normalize_phone(phone):
        for pk in Person.objects.filter(phone_index=blind_index("phone", phone)).values_list(
            "pk", flat=True
        ):
            found.setdefault(pk, "phone")
    tokens = name_token_hashes(name) if name else []
    if tokens:
        need = min(2, len(tokens))
        candidates = (
            PersonNameToken.objects.filter(token__in=tokens)
            .values("person_id")
            .annotate(n=Count("token", distinct=True))
            .filter(n__gte=need)
            .values_list("person_id", flat=True)[:200]
        )
        for person in Person.objects.filter(pk__in=list(candidates)):
            if _year_compatible(person, birth_year=birth_year, age=age):
                found.setdefault(person.pk, "name")
    if not found:
        return [], []
    visible_ids = set(cases_visible_to(user).values_list("pk", flat=True))
    parties = (
        CaseParty.objects.filter(person_id__in=found)
        .select_related("case", "case__area", "person")
        .order_by("-case__received_at")
    )
    matches: list[dict[str, Any]] = []
    hidden: list[Case] = []
    for party in parties:
        if party.case_id in visible_ids:
            matches.append(
                {
                    "person": party.person,
                    "case": party.case,
                    "role": party.role,
                    "match": found[party.person_id],
                }
            )
        elif party.case not in hidden:
            hidden.append(party.case)
    return matches, hidden


def _year_compatible(person: Person, *, birth_year: int | None, age: int | None) -> bool:
    if birth_year and person.birth_year:
        return abs(person.birth_year - birth_year) <= 1
    if age is not None and person.age is not None:
        return abs(person.age - age) <= 2
    return True


def persons_linkable_by(*, user: User) -> QuerySet[Person]:
    """People the user may link into a new case: parties of cases the user sees."""
    return Person.objects.filter(
        pk__in=CaseParty.objects.filter(case__in=cases_visible_to(user)).values("person_id")
    )


def case_victims(*, case: Case) -> QuerySet[Person]:
    """The victims of ``case``, in the order they were added (the incident form's choices)."""
    return Person.objects.filter(
        parties__case=case, parties__role=PartyRole.VICTIM, parties__removed_at__isnull=True
    ).order_by("parties__id")


def case_victim_find(*, case: Case, person_id: UUID | str) -> Person | None:
    """A victim of ``case`` by id, or ``None`` (the caller names the field in error)."""
    return case_victims(case=case).filter(public_id=person_id).first()


def case_party_get(*, case: Case, party_id: UUID | str) -> CaseParty:
    """A current party of ``case`` (already scoped by the case lookup), with its person; 404 for
    a missing party, another case's and a removed one alike."""
    try:
        return CaseParty.objects.select_related("person", "case__area").get(
            case=case, public_id=party_id
        )
    except (CaseParty.DoesNotExist, ValidationError, ValueError) as exc:
        raise Http404 from exc


def case_party_list(*, case: Case) -> QuerySet[CaseParty]:
    """The current parties of ``case`` in the order they were added, with their people."""
    return (
        CaseParty.objects.filter(case=case)
        .select_related("person", "guardian_of__person", "added_by")
        .order_by("id")
    )


def party_duplicates(
    *,
    user: User,
    nik: str = "",
    phone: str = "",
    name: str = "",
    birth_year: int | None = None,
    age: int | None = None,
    exclude_person: Person | None = None,
) -> tuple[list[dict[str, Any]], list[Case]]:
    """Search before create for a party added to, or corrected on, a case (``person_matches``):
    the people in cases the user sees who may be this one (``exclude_person``, the one being
    corrected, left out), and the cases outside scope that matched (never shown; the caller
    records them for their supervisors)."""
    matches, hidden = person_matches(
        user=user, nik=nik, phone=phone, name=name, birth_year=birth_year, age=age
    )
    if exclude_person is not None:
        matches = [m for m in matches if m["person"].pk != exclude_person.pk]
    return matches, hidden


def person_other_cases(*, user: User, person: Person, case: Case, limit: int = 10) -> list[Case]:
    """Other cases the user sees in which ``person`` is a current party (a correction of the
    person shows there too)."""
    return list(
        cases_visible_to(user)
        .filter(parties__person=person, parties__removed_at__isnull=True)
        .exclude(pk=case.pk)
        .distinct()
        .order_by("-received_at")[:limit]
    )
