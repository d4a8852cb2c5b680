from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("lapor/", views.lapor, name="lapor"),
    path("lapor/status/", views.lapor_status, name="status"),
    path("laporan/", views.queue, name="queue"),
    path("laporan/baru/", views.report_new, name="new"),
    path("laporan/<uuid:report_id>/", views.report_detail, name="detail"),
    path(
        "laporan/<uuid:report_id>/lampiran/<uuid:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
]
