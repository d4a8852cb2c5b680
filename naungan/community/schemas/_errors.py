"""Turning a rule's Django ValidationError into a pydantic one naming the field (the same shape
as the reports API: ``{"detail": [{"loc": ["body", ...], "msg": ...}]}``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

RULE_ERROR = "naungan_rule"


def as_pydantic(title: str, exc: DjangoValidationError) -> ValidationError:
    return ValidationError.from_exception_data(
        title,
        [
            {
                "type": PydanticCustomError(RULE_ERROR, "{msg}", {"msg": " ".join(msgs)}),
                "loc": tuple(name.split(".")),
                "input": None,
            }
            for name, msgs in exc.message_dict.items()
        ],
    )
