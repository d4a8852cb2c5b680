from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "naungan.reports"
    label = "reports"
    verbose_name = _("Laporan")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from naungan.areas.models import Area
        from naungan.areas.signals import areas_changed
        from naungan.core.registry import register_audit_kind, register_home_section
        from naungan.demo.seed import register_seed_step

        from . import selectors
        from .demo import seed_reports
        from .home import intake_home_section
        from .services.validation import area_caches_clear

        for signal in (post_save, post_delete, areas_changed):
            signal.connect(area_caches_clear, sender=Area, dispatch_uid="reports-area-caches")
        register_home_section(intake_home_section)
        register_seed_step(seed_reports)
        # The audit log names a report by its tracking code (for who may open it).
        register_audit_kind(
            ["reports.report"], describe=selectors.audit_describe, search=selectors.audit_search
        )
