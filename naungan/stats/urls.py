"""The statistics pages (CONTRACT §3 ``/statistik/``)."""

from django.urls import path

from .views import dashboard, exports, reports

app_name = "stats"

urlpatterns = [
    path("statistik/", dashboard.dashboard, name="dashboard"),
    path("statistik/simfoni.csv", exports.simfoni_csv, name="simfoni_csv"),
    path("statistik/simfoni.xlsx", exports.simfoni_xlsx, name="simfoni_xlsx"),
    path("statistik/laporan-bulanan/", reports.report_list, name="reports"),
    path(
        "statistik/laporan-bulanan/<uuid:monthly_report_id>/unduh/",
        reports.report_download,
        name="report_download",
    ),
]
