"""Shared pieces of the JSON API: bearer-token auth and error answers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from naungan.accounts.middleware import user_language_activate
from naungan.accounts.services import token_authenticate


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_authenticate(token)
        if user is not None:
            request.user = user
            # Answers (422 messages above all) in the token user's language, as their pages.
            user_language_activate(request, user)
        return user


token_auth = TokenAuth()
