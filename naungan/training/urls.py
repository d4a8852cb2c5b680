"""Pages of trainings (/pelatihan/…) and competencies (/kompetensi/…)."""

from django.urls import path

from .views import competencies, trainings, verification

app_name = "training"

urlpatterns = [
    path("pelatihan/", trainings.training_list, name="list"),
    path("pelatihan/baru/", trainings.training_create, name="create"),
    path("pelatihan/<uuid:training_id>/", trainings.training_detail, name="detail"),
    path(
        "pelatihan/<uuid:training_id>/peserta/",
        trainings.training_participants_add,
        name="participants_add",
    ),
    path("pelatihan/<uuid:training_id>/hasil/", trainings.training_results, name="results"),
    path(
        "pelatihan/<uuid:training_id>/sertifikat/<uuid:participant_id>/",
        trainings.certificate,
        name="certificate",
    ),
    path("kompetensi/saya/", competencies.mine, name="mine"),
    path("kompetensi/berakhir/", competencies.expiring, name="expiring"),
    path("kompetensi/catat/", competencies.grant, name="grant"),
    # Public (no login): confirm a certificate by its verification code.
    path("sertifikat/cek/", verification.verify, name="verify"),
]
