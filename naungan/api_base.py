"""Shared pieces of the JSON API: bearer-token auth and error answers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from ninja.security import HttpBearer

from naungan.accounts.services import token_authenticate

_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_authenticate(token)
        if user is not None:
            request.user = user
            # Answers (422 messages above all) in the token user's language, as their pages
            # are (``accounts.middleware.UserLanguageMiddleware``, which ran before the token
            # was read); the language switch's cookie still wins.
            if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "") not in _LANGUAGES:
                language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
                translation.activate(language)
                request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        return user


token_auth = TokenAuth()
