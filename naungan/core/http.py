"""Helpers shared by the HTML views of every app."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import translation

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


def language_switch(request: HttpRequest) -> str | None:
    """The language a POST asks for when a page's language switch submitted the page's own form
    (its buttons carry ``language``, the name Django's ``set_language`` reads, and HTML's
    ``form`` attribute: no JavaScript): activated for this answer. None when the POST is not a
    switch. The view then shows the page again with what was typed, checking and storing
    nothing, and answers through ``remember_language``. An unknown code keeps the language."""
    if request.method != "POST" or "language" not in request.POST:
        return None
    code = request.POST["language"]
    if code not in {c for c, _name in settings.LANGUAGES}:
        code = translation.get_language()
    translation.activate(code)
    request.LANGUAGE_CODE = code  # type: ignore[attr-defined]
    return code


def remember_language(response: HttpResponse, code: str) -> HttpResponse:
    """The cookie Django's ``set_language`` would set, so that the next pages keep the language:
    a browser-session cookie (``LANGUAGE_COOKIE_AGE`` is None), no trace once the browser is
    closed (CONTRACT §3)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )
    return response
