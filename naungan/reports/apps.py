from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "naungan.reports"
    label = "reports"
    verbose_name = "Laporan"
