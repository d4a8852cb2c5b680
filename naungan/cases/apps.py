from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "naungan.cases"
    label = "cases"
    verbose_name = _("Kasus")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from naungan.core.registry import (
            register_audit_kind,
            register_home_section,
            register_nav_badge,
            register_report_section,
            register_reporter_message_listener,
        )
        from naungan.demo.seed import register_seed_step

        from . import models, seed
        from .selectors import audit
        from .services.messages import reporter_message_notify
        from .views import home, messages, notifications

        for section in home.SECTIONS:
            register_home_section(section)
        register_seed_step(seed.seed_cases)
        register_nav_badge("unread_notifications", notifications.unread_badge)

        # The reporter's thread follows her report into its case.
        register_reporter_message_listener(reporter_message_notify)
        register_report_section(messages.report_case_section)
        # The audit log names a case by its registration number, its records by kind and case.
        register_audit_kind(
            audit.AUDIT_TYPES, describe=audit.audit_describe, search=audit.audit_search
        )
        # Field diffs of writes; encrypted fields are masked entirely.
        auditlog.register(
            models.Case, mask_fields=["description"], m2m_fields={"co_workers", "restricted_to"}
        )
        auditlog.register(models.Task, mask_fields=["waived_reason", "title"])
        auditlog.register(
            models.Incident, mask_fields=["narrative", "location", "withdrawn_reason"]
        )
