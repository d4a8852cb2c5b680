from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "naungan.areas"
    label = "areas"
    verbose_name = "Wilayah"
