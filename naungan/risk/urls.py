"""The risk pages, under the case's URL."""

from django.urls import path

from .views import assessments, conferences, safety

app_name = "risk"

CASE = "kasus/<uuid:case_id>/risiko/"

urlpatterns = [
    path(CASE, assessments.risk_page, name="case_risk"),
    path(f"{CASE}asesmen/", assessments.assess, name="assess"),
    path(f"{CASE}asesmen/<uuid:assessment_id>/", assessments.result, name="result"),
    path(f"{CASE}asesmen/<uuid:assessment_id>/penilaian/", assessments.judge, name="judge"),
    path(f"{CASE}rapat/", conferences.conference_list, name="conferences"),
    path(f"{CASE}rapat/baru/", conferences.conference_new, name="conference_new"),
    path(f"{CASE}rapat/<uuid:conference_id>/", conferences.conference_page, name="conference"),
    path(
        f"{CASE}rapat/<uuid:conference_id>/tindakan/",
        conferences.conference_action,
        name="conference_action",
    ),
    path(f"{CASE}rencana-keselamatan/", safety.safety_plans, name="safety_plans"),
    path(
        f"{CASE}rencana-keselamatan/<uuid:safety_plan_id>/cetak/",
        safety.safety_plan_print,
        name="safety_plan_print",
    ),
]
