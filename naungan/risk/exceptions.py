"""Refusals of risk assessment. They are case-management refusals (``CaseError``), so the
case pages' helpers and the API's one handler answer them like every other."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from naungan.cases.exceptions import CaseError


class RiskError(CaseError):
    """A rule of risk assessment refused the action."""


class InstrumentVersionImmutable(RiskError):
    default_message = _("Versi instrumen tidak dapat diubah. Tambahkan versi baru.")
