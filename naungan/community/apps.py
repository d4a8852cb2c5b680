from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "naungan.community"
    label = "community"
    verbose_name = _("Jaringan PPATBM")

    def ready(self) -> None:
        from naungan.core.registry import register_stats_source

        from .stats import community_sections

        # The app's counts on /statistik/ and in stats/summary (issue 15).
        register_stats_source("community", community_sections)
        from auditlog.registry import auditlog

        from naungan.core.registry import register_case_section, register_home_section
        from naungan.demo.seed import register_seed_step

        from . import models, seed
        from .views import accompaniment, home

        register_seed_step(seed.seed_community)

        register_case_section(accompaniment.case_briefs_section)
        register_home_section(home.home_section)
        register_home_section(home.coordination_section)

        auditlog.register(models.Membership)
        auditlog.register(models.Activity)
        auditlog.register(models.AccompanimentBrief, mask_fields=["brief", "task"])
        auditlog.register(
            models.AccompanimentLog, mask_fields=["place", "with_whom", "what_happened"]
        )
