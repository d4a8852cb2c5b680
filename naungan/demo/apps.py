from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "naungan.demo"
    label = "demo"
    verbose_name = "Demo data"
