"""Refusals of the community tier, all ``DomainError``s (one API handler, one view helper)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from naungan.core.exceptions import DomainError


class CommunityError(DomainError):
    """A rule of the community tier refused the action."""


class NotFound(CommunityError):
    """Outside the caller's scope: answered exactly like a record that does not exist."""

    status = 404
    default_message: Any = _("Tidak ditemukan.")


class MembershipConflict(CommunityError):
    default_message: Any = _(
        "Keanggotaan ini bertentangan dengan keanggotaan yang sedang berjalan."
    )


class BriefClosed(CommunityError):
    default_message: Any = _("Tugas pendampingan ini sudah selesai atau ditarik.")
