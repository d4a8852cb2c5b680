"""The pages of services on a case, under the case's URL, and the shelters' occupancy."""

from django.urls import path

from .views import accompaniment, episodes, mediation, outreach, shelter

app_name = "services"

EPISODE = "kasus/<uuid:case_id>/layanan/<uuid:episode_id>/"

urlpatterns = [
    path("kasus/<uuid:case_id>/layanan/", episodes.services_page, name="case_services"),
    path("kasus/<uuid:case_id>/layanan/buka/", episodes.service_open, name="open"),
    path("kasus/<uuid:case_id>/tenggat-mitra/", accompaniment.partner_clock, name="partner_clock"),
    path(EPISODE, episodes.episode_page, name="episode"),
    path(f"{EPISODE}selesai/", episodes.episode_end, name="end"),
    # shelter
    path(f"{EPISODE}keluar/", shelter.discharge, name="discharge"),
    path(f"{EPISODE}perpanjangan/", shelter.extension_request, name="extension"),
    path(
        f"{EPISODE}perpanjangan/<uuid:extension_id>/putuskan/",
        shelter.extension_decide,
        name="extension_decide",
    ),
    # outreach
    path(f"{EPISODE}kunjungan/", outreach.visit_plan, name="visit_plan"),
    path(
        f"{EPISODE}kunjungan/<uuid:visit_id>/keamanan/", outreach.visit_safety, name="visit_safety"
    ),
    path(
        f"{EPISODE}kunjungan/<uuid:visit_id>/berangkat/",
        outreach.visit_depart,
        name="visit_depart",
    ),
    path(f"{EPISODE}kunjungan/<uuid:visit_id>/hasil/", outreach.visit_result, name="visit_result"),
    # mediation
    path(f"{EPISODE}pertemuan/", mediation.session_add, name="session"),
    path(f"{EPISODE}kesepakatan/", mediation.agreement_record, name="agreement"),
    # accompaniment
    path(f"{EPISODE}sidang/", accompaniment.next_hearing, name="next_hearing"),
    # shelters
    path("rumah-aman/", shelter.occupancy_page, name="occupancy"),
]
