from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "naungan.accounts"
    label = "accounts"
    verbose_name = _("Akun")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from naungan.core.registry import register_audit_kind
        from naungan.orgs.models import Organisation

        from . import selectors, signals  # noqa: F401
        from .models import ApiToken, User

        # Admin actions on accounts and organisations are diffed by django-auditlog.
        auditlog.register(User, exclude_fields=["password", "last_login"])
        auditlog.register(ApiToken, exclude_fields=["digest", "last_used_at"])
        auditlog.register(Organisation, mask_fields=["confidential_address"])
        # The audit log names an account by the person's name, a token by prefix and owner.
        register_audit_kind(
            ["accounts.user", "accounts.apitoken"],
            describe=selectors.audit_describe,
            search=selectors.audit_search,
        )
