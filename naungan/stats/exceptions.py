"""Refusals of the statistics app."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from naungan.core.exceptions import DomainError


class BadParameter(DomainError):
    """A query parameter the statistics cannot answer (an unknown area or dimension, a year
    or month out of range): 422 naming the parameter, in the API's ``detail`` shape."""

    status = 422
    default_message = _("Parameter tidak sah.")

    def __init__(self, parameter: str, message: object | None = None) -> None:
        self.parameter = parameter
        super().__init__(message)

    def body(self) -> dict[str, Any]:
        return {"detail": [{"loc": ["query", self.parameter], "msg": self.message}]}
