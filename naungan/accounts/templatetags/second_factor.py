"""Template filters of the second-factor pages (allauth's templates, overridden in
``templates/mfa/``)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def chunks(value: str, size: int = 4) -> list[str]:
    """``"JBSWY3DPEHPK3PXP"|chunks:4`` → ``["JBSW", "Y3DP", "EHPK", "3PXP"]``: a TOTP secret in
    groups that a person can read out and type; the page shows them without spaces between
    them, so a copy is the secret itself."""
    text = str(value or "")
    return [text[i : i + size] for i in range(0, len(text), size)]
