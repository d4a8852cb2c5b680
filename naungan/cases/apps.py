from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "naungan.cases"
    label = "cases"
    verbose_name = "Kasus"
