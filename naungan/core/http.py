"""Helpers shared by the HTML views of every app."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse

from .exceptions import DomainError


def error_text(exc: Exception) -> str:
    """The user's-language text of a refusal, for a form error or a message: a domain error's
    message, or a validation error's messages joined. The one place a view turns a service's
    refusal into words (the API's counterpart is the exception handler in ``naungan.api``)."""
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    if isinstance(exc, DomainError):
        return exc.message
    return str(exc)


def download_response(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """A file to save (``Content-Disposition: attachment``), never kept by a cache."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
