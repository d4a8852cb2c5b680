"""The cases pages (CONTRACT §3): the list, the case page and its actions, plans, transfers,
assignment, exports, saved filters, documents and the user's notices."""

from django.urls import path

from .views import (
    assignment,
    cases,
    documents,
    exports,
    incidents,
    messages,
    notifications,
    people,
    plans,
    saved_filters,
    summary,
    tasks,
    transfers,
    workflow,
)

app_name = "cases"

urlpatterns = [
    path("kasus/", cases.case_list, name="list"),
    path("kasus/baru/", cases.case_create, name="create"),
    path("kasus/dari-laporan/<uuid:report_id>/", cases.report_convert, name="convert_report"),
    path("kasus/<uuid:case_id>/", cases.case_detail, name="detail"),
    path("kasus/<uuid:case_id>/insiden/baru/", incidents.incident_create, name="incident_create"),
    path(
        "kasus/<uuid:case_id>/insiden/<uuid:incident_id>/ubah/",
        incidents.incident_edit,
        name="incident_edit",
    ),
    path(
        "kasus/<uuid:case_id>/insiden/<uuid:incident_id>/tarik/",
        incidents.incident_withdraw,
        name="incident_withdraw",
    ),
    path("kasus/<uuid:case_id>/pihak/baru/", people.party_add, name="party_add"),
    path("kasus/<uuid:case_id>/pihak/<uuid:party_id>/", people.party_edit, name="party_edit"),
    path(
        "kasus/<uuid:case_id>/pihak/<uuid:party_id>/hapus/",
        people.party_remove,
        name="party_remove",
    ),
    path("kasus/<uuid:case_id>/tugaskan/", assignment.case_assign, name="assign"),
    path("kasus/<uuid:case_id>/status/", workflow.case_transition, name="transition"),
    path("kasus/<uuid:case_id>/tutup/", workflow.closure_request, name="closure_request"),
    path("kasus/<uuid:case_id>/tutup/putuskan/", workflow.closure_decide, name="closure_decide"),
    path("kasus/<uuid:case_id>/buka-kembali/", workflow.case_reopen, name="reopen"),
    path("kasus/<uuid:case_id>/catatan/", tasks.note_add, name="note_add"),
    path("kasus/<uuid:case_id>/pesan/", messages.case_message, name="message"),
    path(
        "kasus/<uuid:case_id>/tugas/<uuid:task_id>/selesai/",
        tasks.task_action,
        {"action": "complete"},
        name="task_complete",
    ),
    path(
        "kasus/<uuid:case_id>/tugas/<uuid:task_id>/kesampingkan/",
        tasks.task_action,
        {"action": "waive"},
        name="task_waive",
    ),
    # Transfers.
    path("kasus/pelimpahan/", transfers.transfer_list, name="transfer_list"),
    path(
        "kasus/pelimpahan/<uuid:transfer_id>/",
        transfers.transfer_detail,
        name="transfer_detail",
    ),
    path(
        "kasus/pelimpahan/<uuid:transfer_id>/terima/",
        transfers.transfer_decide,
        {"action": "accept"},
        name="transfer_accept",
    ),
    path(
        "kasus/pelimpahan/<uuid:transfer_id>/tolak/",
        transfers.transfer_decide,
        {"action": "decline"},
        name="transfer_decline",
    ),
    path(
        "kasus/pelimpahan/<uuid:transfer_id>/batalkan/",
        transfers.transfer_decide,
        {"action": "cancel"},
        name="transfer_cancel",
    ),
    path("kasus/<uuid:case_id>/limpahkan/", transfers.transfer_request, name="transfer_request"),
    # Assignment, exports, saved filters.
    path("kasus/tugaskan-massal/", assignment.bulk_assign, name="bulk_assign"),
    path("kasus/beban-kerja/", assignment.caseload, name="caseload"),
    path("kasus/ekspor/", exports.case_export, name="export"),
    path("kasus/saringan/", saved_filters.saved_filters, name="saved_filters"),
    path(
        "kasus/saringan/<int:filter_id>/hapus/",
        saved_filters.saved_filter_delete,
        name="saved_filter_delete",
    ),
    # Documents.
    path("kasus/<uuid:case_id>/dokumen/", documents.document_upload, name="document_upload"),
    path(
        "kasus/<uuid:case_id>/dokumen/<uuid:document_id>/",
        documents.document_download,
        name="document_download",
    ),
    # Intervention plan, monitoring, the case summary PDF.
    path("kasus/<uuid:case_id>/rencana/", plans.plan_page, name="plans"),
    path(
        "kasus/<uuid:case_id>/rencana/<uuid:plan_id>/ajukan/",
        plans.plan_submit,
        name="plan_submit",
    ),
    path(
        "kasus/<uuid:case_id>/rencana/<uuid:plan_id>/putuskan/",
        plans.plan_decide,
        name="plan_decide",
    ),
    path("kasus/<uuid:case_id>/pemantauan/", plans.monitoring_add, name="monitoring_add"),
    path("kasus/<uuid:case_id>/ringkasan.pdf", summary.summary_pdf, name="summary_pdf"),
    # The user's notices.
    path("pemberitahuan/", notifications.notification_list, name="notifications"),
    path(
        "pemberitahuan/<int:notification_id>/baca/",
        notifications.notification_read,
        name="notification_read",
    ),
    path(
        "pemberitahuan/baca-semua/",
        notifications.notification_read_all,
        name="notifications_read_all",
    ),
]
