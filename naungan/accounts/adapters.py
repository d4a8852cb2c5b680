from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest
from django.utils import translation

from naungan.core import crypto

from .access import signed_in_recently


class StaffAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are created by administrators: there is no public sign-up."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_login_redirect_url(self, request: HttpRequest) -> Any:
        return "/"

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Every allauth e-mail to an account (password reset, security notices) in that
        account's language (``User.language``), not the language of the request that caused
        it (an administrator's forced reset, say). Mail to an address without an account
        keeps the request's language."""
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def send_notification_mail(
        self,
        template_prefix: str,
        user: Any,
        context: dict[str, Any] | None = None,
        email: str | None = None,
    ) -> None:
        """allauth's security notices (password changed, second factor added …) give the
        account apart from the context: in its language too."""
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            super().send_notification_mail(template_prefix, user, context, email)

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """allauth (65.x) counts only its own reauthentication pages as "recent", never the
        sign-in itself: a supervisor sent to the TOTP enrolment right after signing in was
        asked for the password a second time. Here the sign-in counts too, for the same window
        (``NAUNGAN_REAUTHENTICATION_MINUTES``) as the tokens page (``signed_in_recently``)."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = self.request
        return request is None or not signed_in_recently(request)


# allauth hands the adapter the secret alone, never the Authenticator row, so the binding names
# the table and column only: a secret cannot be moved to another table or column, but could be
# copied between two users' rows by someone who writes the database (who could equally replace
# a password hash). ``rotate_field_keys`` re-encrypts these values too.
MFA_CONTEXT = crypto.binding("mfa_authenticator", "data", "")


class StaffMFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are encrypted at rest with the field keys."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text, context=MFA_CONTEXT)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text, context=MFA_CONTEXT)
