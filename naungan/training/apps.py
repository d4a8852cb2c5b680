from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "naungan.training"
    label = "training"
    verbose_name = _("Pelatihan dan kompetensi")

    def ready(self) -> None:
        from naungan.core.registry import register_home_section, register_stats_source

        from .stats import training_sections

        # The app's counts on /statistik/ and in stats/summary (issue 15).
        register_stats_source("training", training_sections)
        from naungan.demo.seed import register_seed_step

        from . import seed
        from .views import competencies

        register_seed_step(seed.seed_training)
        register_home_section(competencies.home_expiry_section)
