"""Pages of the intervention plan, monitoring, the case summary PDF and the user's notices."""

from django.urls import path

from . import views_plans

urlpatterns = [
    path("kasus/<uuid:case_id>/rencana/", views_plans.plan_page, name="plans"),
    path(
        "kasus/<uuid:case_id>/rencana/<uuid:plan_id>/ajukan/",
        views_plans.plan_submit,
        name="plan_submit",
    ),
    path(
        "kasus/<uuid:case_id>/rencana/<uuid:plan_id>/putuskan/",
        views_plans.plan_decide,
        name="plan_decide",
    ),
    path("kasus/<uuid:case_id>/pemantauan/", views_plans.monitoring_add, name="monitoring_add"),
    path("kasus/<uuid:case_id>/ringkasan.pdf", views_plans.summary_pdf, name="summary_pdf"),
    path("pemberitahuan/", views_plans.notification_list, name="notifications"),
    path(
        "pemberitahuan/<int:notification_id>/baca/",
        views_plans.notification_read,
        name="notification_read",
    ),
    path(
        "pemberitahuan/baca-semua/",
        views_plans.notification_read_all,
        name="notifications_read_all",
    ),
]
