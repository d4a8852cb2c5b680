"""The referrals section of the case page: now the "Rujukan" section of ``views.case`` (status,
provider, service, dates, feedback and, for the case's writers, the actions). Kept so that
existing imports keep working."""

from .case import case_referrals_section

__all__ = ["case_referrals_section"]
