from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskConfig(AppConfig):
    name = "naungan.risk"
    label = "risk"
    verbose_name = _("Risiko dan rencana keselamatan")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from naungan.core.registry import (
            register_audit_kind,
            register_case_banner,
            register_case_section,
            register_referral_packet_section,
        )

        from . import models
        from .selectors import audit
        from .views import cases as case_views

        # The audit log names assessments, judgements, conferences and safety plans by their
        # kind and case, linked for a reader who sees the case; searchable by the case number.
        register_audit_kind(
            audit.AUDIT_TYPES, describe=audit.audit_describe, search=audit.audit_search
        )

        register_case_section(case_views.case_risk_section)
        register_case_banner(case_views.case_risk_banner)
        # A referral consented to share ``risk`` carries the latest result (DESIGN §9).
        register_referral_packet_section("risk", _risk_for_referral)
        auditlog.register(models.RiskAssessment, mask_fields=["judgement_reason", "answers"])
        auditlog.register(
            models.SafetyPlan,
            mask_fields=[
                "safe_places",
                "contacts",
                "code_word",
                "emergency_bag",
                "escape_routes",
                "children",
                "phone_safety",
                "protection_steps",
                "hotlines",
            ],
        )
        auditlog.register(models.Conference, mask_fields=["outcome"])


def _risk_for_referral(case: object, person: object) -> dict[str, object] | None:
    from .selectors import latest_risk_summary

    return latest_risk_summary(case)  # type: ignore[arg-type]
