"""Shared pieces of the risk pages."""

from __future__ import annotations

from naungan.accounts.models import User
from naungan.cases import selectors as case_selectors
from naungan.cases.models import Case, CaseStatus


def writer_of(user: User, case: Case) -> bool:
    return (
        case_selectors.case_is_writable(user=user, case=case) and case.status != CaseStatus.CLOSED
    )
