from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "naungan.referrals"
    label = "referrals"
    verbose_name = _("Rujukan")

    def ready(self) -> None:
        from naungan.core.registry import register_stats_source

        from .stats import referral_sections

        # The app's counts on /statistik/ and in stats/summary (issue 15).
        register_stats_source("referrals", referral_sections)
        from auditlog.registry import auditlog

        from naungan.core.registry import (
            register_audit_kind,
            register_case_section,
            register_closure_blocker,
            register_home_section,
        )

        from . import models
        from .selectors import audit
        from .services.referrals import referral_closure_blockers
        from .views import case, lists

        # A sent or accepted referral blocks closing the case (DESIGN §5 step 6); the case
        # page lists the referrals with their status and feedback. A transfer needs no
        # listener: the referrals hang on the case and move with it (docs/referrals.md).
        register_closure_blocker(referral_closure_blockers)
        # The "Rujukan" section of the case page and the referral lines of the home page.
        register_case_section(case.case_referrals_section)
        register_home_section(lists.home_referrals_section)
        register_audit_kind(audit.AUDIT_TYPES, describe=audit.audit_describe)
        auditlog.register(
            models.Referral,
            mask_fields=[
                "note",
                "warning_reason",
                "decline_reason",
                "service_given",
                "outcome",
                "withdrawn_reason",
            ],
        )
        auditlog.register(
            models.Consent,
            mask_fields=[
                "guardian_name",
                "exception_reason",
                "representative",
                "child_view",
                "withdrawn_reason",
            ],
        )
