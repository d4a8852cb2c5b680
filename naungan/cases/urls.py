from django.urls import path

from . import views
from .urls_plans import urlpatterns as plans_urlpatterns
from .urls_supervisor import urlpatterns as supervisor_urlpatterns

app_name = "cases"

urlpatterns = [
    path("kasus/", views.case_list, name="list"),
    path("kasus/baru/", views.case_create, name="create"),
    path("kasus/dari-laporan/<uuid:report_id>/", views.report_convert, name="convert_report"),
    path("kasus/<uuid:case_id>/", views.case_detail, name="detail"),
    path("kasus/<uuid:case_id>/insiden/baru/", views.incident_create, name="incident_create"),
    path("kasus/<uuid:case_id>/tugaskan/", views.case_assign, name="assign"),
    path("kasus/<uuid:case_id>/status/", views.case_transition, name="transition"),
    path("kasus/<uuid:case_id>/tutup/", views.closure_request, name="closure_request"),
    path("kasus/<uuid:case_id>/tutup/putuskan/", views.closure_decide, name="closure_decide"),
    path("kasus/<uuid:case_id>/buka-kembali/", views.case_reopen, name="reopen"),
    path("kasus/<uuid:case_id>/catatan/", views.note_add, name="note_add"),
    path("kasus/<uuid:case_id>/pesan/", views.case_message, name="message"),
    path(
        "kasus/<uuid:case_id>/tugas/<uuid:task_id>/selesai/",
        views.task_action,
        {"action": "complete"},
        name="task_complete",
    ),
    path(
        "kasus/<uuid:case_id>/tugas/<uuid:task_id>/kesampingkan/",
        views.task_action,
        {"action": "waive"},
        name="task_waive",
    ),
]

# Transfers, bulk assignment, caseloads, exports, saved filters, documents.
urlpatterns += supervisor_urlpatterns
# Intervention plan, monitoring, case summary PDF, notices.
urlpatterns += plans_urlpatterns
