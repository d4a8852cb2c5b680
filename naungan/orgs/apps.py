from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "naungan.orgs"
    label = "orgs"
    verbose_name = _("Organisasi")

    def ready(self) -> None:
        from naungan.core.registry import register_audit_kind

        from . import selectors

        # The audit log names an organisation by its name.
        register_audit_kind(
            ["orgs.organisation"], describe=selectors.audit_describe, search=selectors.audit_search
        )
