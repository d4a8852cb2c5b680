from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "naungan.services"
    label = "services"
    verbose_name = _("Layanan")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from naungan.core.registry import (
            register_case_listener,
            register_case_section,
            register_closure_blocker,
            register_home_section,
        )
        from naungan.demo.seed import register_seed_step

        from . import models, seed
        from .services.episodes import episodes_on_case_event
        from .services.shelter import shelter_closure_blockers
        from .views import episodes, shelter

        # Opening, closing and reopening a case record the complaint and case-management
        # services (and the emergency outreach task); an active stay blocks closure.
        register_case_listener(episodes_on_case_event)
        register_closure_blocker(shelter_closure_blockers)
        register_case_section(episodes.case_services_section)
        register_home_section(shelter.home_shelter_section)
        register_seed_step(seed.seed_services)
        auditlog.register(models.ServiceEpisode, mask_fields=["outcome", "notes", "place"])
        auditlog.register(models.ShelterStay, mask_fields=["override_reason", "destination"])
