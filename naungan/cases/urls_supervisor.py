"""Routes of the supervisor pages (``views_supervisor``), appended to ``cases.urls``."""

from django.urls import path

from . import views_supervisor as v

urlpatterns = [
    path("kasus/pelimpahan/", v.transfer_list, name="transfer_list"),
    path("kasus/pelimpahan/<uuid:transfer_id>/", v.transfer_detail, name="transfer_detail"),
    path(
        "kasus/pelimpahan/<uuid:transfer_id>/terima/",
        v.transfer_decide,
        {"action": "accept"},
        name="transfer_accept",
    ),
    path(
        "kasus/pelimpahan/<uuid:transfer_id>/tolak/",
        v.transfer_decide,
        {"action": "decline"},
        name="transfer_decline",
    ),
    path(
        "kasus/pelimpahan/<uuid:transfer_id>/batalkan/",
        v.transfer_decide,
        {"action": "cancel"},
        name="transfer_cancel",
    ),
    path("kasus/<uuid:case_id>/limpahkan/", v.transfer_request, name="transfer_request"),
    path("kasus/tugaskan-massal/", v.bulk_assign, name="bulk_assign"),
    path("kasus/beban-kerja/", v.caseload, name="caseload"),
    path("kasus/ekspor/", v.case_export, name="export"),
    path("kasus/saringan/", v.saved_filters, name="saved_filters"),
    path(
        "kasus/saringan/<int:filter_id>/hapus/",
        v.saved_filter_delete,
        name="saved_filter_delete",
    ),
    path("kasus/<uuid:case_id>/dokumen/", v.document_upload, name="document_upload"),
    path(
        "kasus/<uuid:case_id>/dokumen/<uuid:document_id>/",
        v.document_download,
        name="document_download",
    ),
]
