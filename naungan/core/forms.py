"""Form fields shared by the apps."""

from __future__ import annotations

from typing import Any

from django import forms

from .words import person_name


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of staff members, each shown by name (``words.person_name``), not username."""

    def label_from_instance(self, obj: Any) -> str:
        return person_name(obj)
