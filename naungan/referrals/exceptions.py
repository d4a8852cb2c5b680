"""Refusals of the referral network. They are case-management refusals (``CaseError``), so
the API's one handler and the pages' helpers answer them like every other."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from naungan.cases.exceptions import CaseError


class ReferralError(CaseError):
    """A rule of the referral network refused the action."""


class ReferralTransitionNotAllowed(ReferralError):
    """409: e.g. declining an accepted referral, completing a declined one."""

    default_message = _("Status rujukan ini tidak dapat diubah seperti itu.")


class ReferralNotFound(ReferralError):
    """Someone other than the addressed provider tries its answer: the 404 of a missing
    record, so nothing hints that the referral exists."""

    status = 404
    default_message = _("Tidak ditemukan.")


class ConsentWithdrawn(ReferralError):
    default_message = _(
        "Persetujuan berbagi data untuk rujukan ini sudah ditarik: data tidak dapat dibagikan lagi."
    )


class ConsentNotWithdrawable(ReferralError):
    default_message = _("Dasar berbagi data ini bukan persetujuan, sehingga tidak dapat ditarik.")


class CaseClosedForReferrals(ReferralError):
    default_message = _("Kasus sudah ditutup: buka kembali kasus sebelum membuat rujukan.")
