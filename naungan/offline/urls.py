"""The offline field app, under ``/ppatbm/`` (the scope of its service worker)."""

from django.urls import path

from . import views

app_name = "offline"

urlpatterns = [
    path("ppatbm/sw.js", views.service_worker, name="sw"),
    path("ppatbm/lapor/", views.report_new, name="report_new"),
    path(
        "ppatbm/pendampingan/catat/",
        views.accompaniment_log_new,
        name="accompaniment_log_new",
    ),
    path("ppatbm/luring/kirim/", views.sync, name="sync"),
    path("ppatbm/kegiatan/<uuid:activity_id>/ubah/", views.activity_edit, name="activity_edit"),
    path("ppatbm/perangkat/", views.devices, name="devices"),
    path("ppatbm/perangkat/<uuid:device_id>/cabut/", views.device_revoke, name="device_revoke"),
]
