"""Demo data of trainings (``seed_demo``; idempotent): a past training by DP3AKB Balikpapan with
LPSK and Densus 88 as resource persons, attended and passed by the demo caseworker
(``pendamping_bpp``) and activist (``aktivis_bpp``); a directly recorded competency of the
caseworker and one of the activist that expire within the warning window, so the expiry view
shows lines (the activist's also to the kecamatan's Kasi Kessos); the competency of KDRT risk
assessment, which a unit may require for DASH sign-off (no demo requirement: CONTRACT §7), held
by the caseworker (the training) and the supervisor (recorded directly)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from naungan.accounts.models import User
from naungan.orgs.models import Organisation

from .models import Competency, CompetencyGrant, GrantSource, Training
from .services import CompetencyIn, ResultIn, TrainingIn, training_create, training_results_record

TITLE = "Pendampingan Korban KDRT dan Perlindungan Hukum Saksi dan Korban"


def seed_training() -> None:
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=["supervisor_bpp", "pendamping_bpp", "aktivis_bpp"]
        )
    }
    dinas = Organisation.objects.filter(slug="dp3akb-balikpapan").first()
    uptd = Organisation.objects.filter(slug="uptd-ppa-balikpapan").first()
    if len(users) < 3 or dinas is None or uptd is None:
        return
    # No demo requirement for DASH sign-off: CONTRACT §7 answers 201 to any writer of the case,
    # including a caseworker made with create_staff in the demo UPTD PPA. A unit switches the
    # requirement on in the admin console (docs/training.md); the demo staff who sign DASH
    # already hold the competency.
    today = timezone.localdate()
    # An activist's competency from before Naungan that ends in 21 days: the Kasi Kessos of
    # Balikpapan Timur (``kessos_bpp_timur``) sees it on their home page and expiry view.
    if not CompetencyGrant.objects.filter(
        user=users["aktivis_bpp"], competency=Competency.TRAUMA_INFORMED_COMMUNICATION
    ).exists():
        CompetencyGrant.objects.create(
            user=users["aktivis_bpp"],
            competency=Competency.TRAUMA_INFORMED_COMMUNICATION,
            granted_on=today - timedelta(days=344),
            expires_on=today + timedelta(days=21),
            source=GrantSource.DIRECT,
            recorded_by=users["supervisor_bpp"],
            note="Pelatihan Kecamatan Balikpapan Timur, sebelum Naungan",
        )
    # The UPTD's supervisor signs DASH assessments too (a judgement on a result): a competency
    # recorded by the dinas from an earlier provincial training, valid for two more years.
    if not CompetencyGrant.objects.filter(
        user=users["supervisor_bpp"], competency=Competency.KDRT_RISK_ASSESSMENT
    ).exists():
        CompetencyGrant.objects.create(
            user=users["supervisor_bpp"],
            competency=Competency.KDRT_RISK_ASSESSMENT,
            granted_on=today - timedelta(days=365),
            expires_on=today + timedelta(days=730),
            source=GrantSource.DIRECT,
            note="Pelatihan Dinas P3APPKB Provinsi, sebelum Naungan",
        )
    if Training.objects.filter(title=TITLE, organiser=dinas).exists():
        return
    starts = today - timedelta(days=140)
    resources = list(Organisation.objects.filter(slug__in=["lpsk", "posbakum-aisyiyah"]))
    training = training_create(
        actor=users["supervisor_bpp"],
        data=TrainingIn(
            title=TITLE,
            organiser=dinas,
            starts_on=starts,
            ends_on=starts + timedelta(days=1),
            place="Aula DP3AKB Kota Balikpapan",
            description="Pelatihan dua hari untuk pendamping dan aktivis PPATBM.",
            resource_organisations=resources,
            resource_persons="Densus 88 Antiteror Polri\nPsikolog klinis UPTD PPA",
            pass_mark=70,
            competencies=[
                CompetencyIn(Competency.KDRT_RISK_ASSESSMENT, 24),
                CompetencyIn(Competency.LPSK_LEGAL_PROTECTION, 24),
                CompetencyIn(Competency.RADICALISM_PREVENTION, 12),
            ],
            participants=[users["pendamping_bpp"], users["aktivis_bpp"]],
        ),
    )
    scores = {"pendamping_bpp": (62, 88), "aktivis_bpp": (55, 79)}
    training_results_record(
        actor=users["supervisor_bpp"],
        training=training,
        results=[
            ResultIn(
                participant=p,
                attended=True,
                pre_score=scores[p.user.username][0],
                post_score=scores[p.user.username][1],
            )
            for p in training.participants.select_related("user")
        ],
    )
    # Recorded by the dinas before Naungan (a training of the province): ends in 30 days.
    CompetencyGrant.objects.create(
        user=users["pendamping_bpp"],
        competency=Competency.PSYCHOSOCIAL_FIRST_AID,
        granted_on=today - timedelta(days=700),
        expires_on=today + timedelta(days=30),
        source=GrantSource.DIRECT,
        recorded_by=users["supervisor_bpp"],
        note="Pelatihan Dinas P3APPKB Provinsi, sebelum Naungan",
    )
