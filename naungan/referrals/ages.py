"""A victim's age today, for the child rule of consent and the identity in the packet."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from naungan.cases.models import Person


def person_age(person: Person, on: date | None = None) -> int | None:
    """The person's age today (from the birth date, else the age recorded, else the birth
    year), or None when nothing is known."""
    today = on or timezone.localdate()
    if person.birth_date:
        try:
            born: date | None = date.fromisoformat(str(person.birth_date))
        except ValueError:
            born = None
        if born is not None:
            return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if person.age is not None:
        return int(person.age)
    if person.birth_year:
        return today.year - int(person.birth_year)
    return None
