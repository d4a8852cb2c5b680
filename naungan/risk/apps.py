from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from naungan.core.registry import TriageChecklist


class RiskConfig(AppConfig):
    name = "naungan.risk"
    label = "risk"
    verbose_name = _("Risiko dan rencana keselamatan")

    def ready(self) -> None:
        from naungan.core.registry import register_stats_source

        from .stats import risk_sections

        # The app's counts on /statistik/ and in stats/summary (issue 15).
        register_stats_source("risk", risk_sections)
        from auditlog.registry import auditlog

        from naungan.core.registry import (
            register_audit_kind,
            register_case_banner,
            register_case_section,
            register_referral_packet_section,
            register_triage_checklist,
        )
        from naungan.demo.seed import register_seed_step

        from . import models, seed
        from .selectors import audit
        from .views import cases as case_views

        # The audit log names assessments, judgements, conferences and safety plans by their
        # kind and case, linked for a reader who sees the case; searchable by the case number.
        register_audit_kind(
            audit.AUDIT_TYPES, describe=audit.audit_describe, search=audit.audit_search
        )

        register_case_section(case_views.case_risk_section)
        # The intake desk's quick checklist and its suggestion come from the active version of
        # the ``triage`` instrument (DESIGN §8: the mapping is configuration).
        register_triage_checklist(_triage_checklist)
        register_case_banner(case_views.case_risk_banner)
        # Demo assessments, a conference and a safety plan (after the cases and trainings).
        register_seed_step(seed.seed_risk)
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


def _triage_checklist() -> TriageChecklist | None:
    from .selectors.instruments import triage_checklist_active

    return triage_checklist_active()
