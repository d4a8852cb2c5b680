from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "naungan.orgs"
    label = "orgs"
    verbose_name = "Organisasi"
