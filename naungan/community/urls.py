"""The community pages (PPATBM): under ``/ppatbm/`` and, for naming an activist companion, under
the case (``/kasus/<id>/pendamping-aktivis/``)."""

from django.urls import path

from .views import accompaniment, activities, groups, home, matters

app_name = "community"

urlpatterns = [
    path("ppatbm/", home.home, name="home"),
    path("ppatbm/kelompok-saya/", groups.my_group, name="my_group"),
    path("ppatbm/kegiatan/", activities.activity_list, name="activities"),
    path("ppatbm/kegiatan/baru/", activities.activity_new, name="activity_new"),
    path("ppatbm/ringkasan/", activities.summary, name="summary"),
    path("ppatbm/ringkasan/cetak/", activities.summary_print, name="summary_print"),
    path("ppatbm/masalah-rt/baru/", matters.matter_new, name="matter_new"),
    path("ppatbm/pendampingan/<uuid:brief_id>/", accompaniment.brief_detail, name="brief"),
    path("ppatbm/cakupan/", groups.coverage, name="coverage"),
    path("ppatbm/kelompok/baru/", groups.group_create, name="group_create"),
    path("ppatbm/kelompok/<slug:group_slug>/", groups.group_detail, name="group"),
    path("ppatbm/kelompok/<slug:group_slug>/anggota/", groups.member_add, name="member_add"),
    path(
        "ppatbm/kelompok/<slug:group_slug>/anggota/<uuid:membership_id>/keluar/",
        groups.member_end,
        name="member_end",
    ),
    path("ppatbm/kelompok/<slug:group_slug>/mitra/", groups.partner_add, name="partner_add"),
    path(
        "kasus/<uuid:case_id>/pendamping-aktivis/",
        accompaniment.case_brief_new,
        name="case_brief_new",
    ),
    path(
        "kasus/<uuid:case_id>/pendamping-aktivis/<uuid:brief_id>/",
        accompaniment.case_brief_close,
        name="case_brief_close",
    ),
]
