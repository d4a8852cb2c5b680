"""Helpers shared by the HTML views of every app."""

from __future__ import annotations

from django import forms
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


def form_errors_add(form: forms.Form, exc: Exception) -> None:
    """A service's refusal onto the form: each field's message next to that field when the
    form has it, anything else (a domain error, an unknown field) at the top of the form."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error_text(exc))


def download_response(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """A file to save (``Content-Disposition: attachment``), never kept by a cache."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
