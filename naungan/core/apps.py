from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "naungan.core"
    label = "core"
    verbose_name = _("Inti Naungan")

    def ready(self) -> None:
        # The empty choice of every select of every form, once (Django 6.1 reads it from here
        # for model fields, ModelChoiceField and the admin): Indonesian, not "- Select an
        # option -".
        from django.db.models import fields

        from .words import EMPTY_CHOICE_LABEL

        fields.BLANK_CHOICE_LABEL = EMPTY_CHOICE_LABEL
