from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "naungan.core"
    label = "core"
    verbose_name = "Naungan core"
