"""The one base of every domain refusal.

A service raises a subclass of ``DomainError`` when a rule of the domain refuses an action
(a transition not allowed, a closure blocked, a reason missing). The error carries the HTTP
status the edge answers with and a message translated for the user. Exactly one API exception
handler (``naungan.api``) and one view helper (``naungan.core.http.domain_error_response``)
turn it into an answer; no endpoint catches a domain error by hand (HackSoft styleguide,
"Errors & Exception Handling", approach 2)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A domain rule refused the action. ``status`` is what the edge answers (409 by default:
    the request is well-formed but the state of the record does not allow it; 422 for input the
    rule refuses; 404 where the refusal must look like a missing record). ``extra`` is merged
    into the API's JSON answer (e.g. ``free_beds``)."""

    status = 409
    default_message: Any = _("Tindakan tidak dapat dilakukan.")
    # Response headers for the answer, e.g. {"Retry-After": "1"}.
    headers: dict[str, str] = {}

    def __init__(
        self, message: object | None = None, *, headers: dict[str, str] | None = None, **extra: Any
    ) -> None:
        self.message = str(message if message is not None else self.default_message)
        self.extra = extra
        # The class's headers, plus those of this refusal (e.g. its Retry-After).
        self.headers = {**type(self).headers, **(headers or {})}
        super().__init__(self.message)

    @property
    def status_code(self) -> int:
        """The same as ``status`` (older name, kept for readers of the report services)."""
        return self.status

    def body(self) -> dict[str, Any]:
        """The JSON answer of the API: ``{"detail": message, **extra}``."""
        return {"detail": self.message, **self.extra}


class RateLimited(DomainError):
    """Too many attempts from one client (or on one record): 429 with ``Retry-After`` in
    seconds, so a well-behaved client knows when to try again."""

    status = 429
    default_message: Any = _("Terlalu banyak percobaan. Coba lagi nanti.")

    def __init__(
        self, message: object | None = None, *, retry_after: int = 60, **extra: Any
    ) -> None:
        self.retry_after = max(1, int(retry_after))
        super().__init__(message, headers={"Retry-After": str(self.retry_after)}, **extra)
