"""The test world of the authorisation matrix: organisations, the 14 personas and one of every
record in Balikpapan, made through the services (``test_authorisation_matrix.py`` builds it
once per module inside a transaction that it rolls back)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone

from conftest import build_orgs, build_personas, build_user
from naungan.accounts.models import ApiToken
from naungan.areas.models import Area
from naungan.cases import services
from naungan.cases.models import Notification
from naungan.cases.services import documents, plans, transfers
from naungan.cases.services import saved_filters as bulk
from naungan.community import services as community
from naungan.community.models import Activity
from naungan.core.testing.matrix_api import CLASSIFICATION
from naungan.offline.models import Device
from naungan.orgs.models import Organisation
from naungan.orgs.services import org_create
from naungan.referrals import services as referrals
from naungan.reports import services as report_services
from naungan.reports.services import ReportInput
from naungan.risk import services as risk
from naungan.risk.services.conferences import ConferenceIn
from naungan.services import services as care
from naungan.training import services as training_services
from naungan.training.models import Participant

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WORLD_IDS = {
    "case_id": "case",
    "report_id": "report",
    "attachment_id": "attachment",
    "task_id": "task",
    "incident_id": "incident",
    "party_id": "party",
    "closure_id": "closure",
    "plan_id": "plan",
    "document_id": "document",
    "transfer_id": "transfer",
    "filter_id": "saved_filter",
    "notification_id": "notification",
    "token_id": "token",
    "tracking_code": "tracking_code",
    "episode_id": "episode",
    "visit_id": "visit",
    "extension_id": "extension",
    "referral_id": "referral",
    "training_id": "training",
    "participant_id": "participant",
    "verification_code": "verification_code",
    "monthly_report_id": "monthly_report",
    "slug": "provider_org",
    "brief_id": "brief",
    "group_slug": "group",
    "membership_id": "membership",
    "assessment_id": "assessment",
    "conference_id": "conference",
    "safety_plan_id": "safety_plan",
    "device_id": "device",
    "activity_id": "activity",
}
# Other records of the world that ``ids`` of a rule may name.
OTHER_RECORDS = {
    "activist_report",
    "plan_case",
    "submitted_plan",
    "closing_case",
    "unassigned_case",
    "stay_episode",
    "mediation_episode",
    "accompaniment_episode",
    "accepted_referral",
    "activist_participant",
    "other_activist_report",
}
# Placeholders that are not record ids: the same in the real and in the random call.
FIXED = {"pin", "caseworker_pk"}

_HANDLER = Client().handler


def _share_handler(client: Client) -> Client:
    client.handler = _HANDLER
    # Server errors become 500 answers (the test client re-raises them by default).
    client.raise_request_exception = False
    return client


@dataclass
class World:
    personas: dict[str, Any]
    values: dict[str, Any]  # world key -> id (public id, pk or tracking code)


def _case(actor: Any, violence: str = "physical") -> Any:
    return services.case_create(
        actor=actor,
        area=Area.objects.get(code="64.71.01"),
        channel="walk_in",
        violence_types=[violence],
        description="Kronologi uji",
        victims=[services.PersonIn(name="Siti", age=15, sex="F")],
        perpetrators=[services.PersonIn(relationship="family", age=40)],
    )


def _build_world() -> World:
    build_orgs()
    personas = build_personas()
    user = {key: p.user for key, p in personas.items()}
    intake, cw, sup = user["intake_bpp"], user["caseworker_bpp"], user["supervisor_bpp"]

    submitted = report_services.report_submit(
        actor=None,
        data=ReportInput(
            reporter_relation="victim",
            violence_types=["physical"],
            description="Saya dipukul oleh ayah tiri di rumah tadi malam.",
            area_code="64.71.01",
        ),
        attachments=[SimpleUploadedFile("visum.pdf", PDF, content_type="application/pdf")],
    )
    report = submitted.report
    assert report is not None
    own = report_services.report_submit(
        actor=user["activist_bpp"],
        data=ReportInput(
            reporter_relation="witness",
            violence_types=["physical"],
            description="Tetangga melihat anak dipukul di rumah sebelah.",
            area_code="64.71.01.1001",
        ),
    ).report
    assert own is not None

    case = _case(intake, "sexual")  # a police-report task
    services.case_assign(actor=sup, case=case, assignee=cw, lead=True)
    victim = case.parties.get(role="victim").person
    incident = services.incident_record(
        actor=cw,
        case=case,
        survivor=victim,
        answers=dict.fromkeys(CLASSIFICATION, False) | {"sexual_contact": True},
        reporting_consent=True,
    )
    services.note_add(actor=cw, case=case, kind="contact", body="Telepon ibu korban")
    witness = services.party_add(
        actor=cw, case=case, role="witness", person=services.PersonIn(name="Saksi")
    )
    plan = plans.plan_draft(
        actor=cw,
        case=case,
        goals="Korban aman",
        actions=[plans.PlanActionIn(description="Konseling", responsible_user=cw)],
    )
    plans.monitoring_record(actor=cw, case=case, reviewed_on=date(2026, 1, 5), summary="Baik")
    document = documents.document_upload(
        actor=cw,
        case=case,
        kind="visum",
        title="Visum",
        upload=SimpleUploadedFile("visum.pdf", PDF, content_type="application/pdf"),
    )

    plan_case = _case(intake)
    services.case_assign(actor=sup, case=plan_case, assignee=cw, lead=True)
    submitted_plan = plans.plan_draft(
        actor=cw,
        case=plan_case,
        goals="Korban aman",
        actions=[plans.PlanActionIn(description="Konseling", responsible_user=cw)],
    )
    plans.plan_submit(actor=cw, plan=submitted_plan)

    closing_case = _case(intake)
    services.case_assign(actor=sup, case=closing_case, assignee=cw, lead=True)
    closure = services.closure_request(actor=cw, case=closing_case, reason="client_declined")

    moving_case = _case(intake)
    services.case_assign(actor=sup, case=moving_case, assignee=cw, lead=True)
    transfer = transfers.transfer_request(
        actor=sup,
        case=moving_case,
        to_organisation=Organisation.objects.get(slug="t-uptd-kalteng"),
        reason="Korban pindah ke Palangka Raya",
    )

    unassigned_case = _case(intake)  # nobody leads it: the unit's caseworker does not see it

    # Services on the case: an outreach with a planned visit, a shelter stay with an extension
    # asked by the caseworker, an accompaniment; mediation on the plan case (not sexual).
    shelter = org_create(
        actor=None,
        slug="t-rumah-aman-bpp",
        name="Rumah Aman (uji)",
        kind="provider",
        area_code="64.71",
        services=["shelter"],
        capacity=5,
    )
    outreach = care.episode_open(
        actor=cw,
        case=case,
        data=care.EpisodeIn(
            service="outreach",
            visit=care.VisitIn(planned_at=timezone.now() + timedelta(hours=1), team="Rina"),
        ),
    ).episode
    stay_episode = care.episode_open(
        actor=cw, case=case, data=care.EpisodeIn(service="shelter", organisation=shelter)
    ).episode
    extension = care.shelter_extension_request(
        actor=cw,
        stay=stay_episode.stay,
        until=stay_episode.stay.planned_end_at + timedelta(days=7),
        reason="Pelaku belum ditahan",
    )
    accompaniment = care.episode_open(
        actor=cw,
        case=case,
        data=care.EpisodeIn(
            service="accompaniment",
            accompaniment=care.AccompanimentIn(destination="police"),
        ),
    ).episode
    mediation = care.episode_open(
        actor=cw, case=plan_case, data=care.EpisodeIn(service="mediation")
    ).episode

    # Referrals of the case to the Balikpapan Posbakum (the organisation of provider_bpp): one
    # sent, one accepted. The victim is 15: her guardian consents.
    posbakum = Organisation.objects.get(slug="t-posbakum-bpp")
    guardian = referrals.ConsentIn(given_by="guardian", data=["identity"], guardian_name="Ibu")
    referral, accepted_referral = (
        referrals.referral_create(
            actor=cw,
            case=case,
            organisation=posbakum,
            service_type="legal_aid",
            consent=guardian,
        )
        for _ in range(2)
    )
    referrals.referral_accept(actor=user["provider_bpp"], referral=accepted_referral)

    # A past training by the Balikpapan dinas that the caseworker and the activist passed.
    training = training_services.training_create(
        actor=sup,
        data=training_services.TrainingIn(
            title="Pendampingan KDRT (uji)",
            organiser=Organisation.objects.get(slug="t-dinas-bpp"),
            starts_on=date(2026, 1, 5),
            ends_on=date(2026, 1, 6),
            place="Aula DP3AKB",
            competencies=[training_services.CompetencyIn("kdrt_risk_assessment", 24)],
            participants=[cw, user["activist_bpp"]],
            pass_mark=70,
        ),
    )
    trained = {p.user_id: p for p in training.participants.all()}
    training_services.training_results_record(
        actor=sup,
        training=training,
        results=[
            training_services.ResultIn(participant=p, attended=True, pre_score=50, post_score=90)
            for p in trained.values()
        ],
    )

    # Risk on the case: an assessment, a conference, a safety plan.
    assessment = risk.assessment_create(
        actor=cw, case=case, data=risk.AssessmentIn(instrument="dash", answers={"q1": "yes"})
    )
    conference = risk.conference_record(
        actor=cw, case=case, data=ConferenceIn(held_on=date(2026, 1, 5))
    )
    safety_plan = risk.safety_plan_save(
        actor=cw,
        case=case,
        data=risk.SafetyPlanIn(
            review_on=timezone.localdate() + timedelta(days=14), parts={"code_word": "Mangga"}
        ),
    )

    saved = bulk.saved_filter_save(actor=sup, name="Terbuka", query="status=open")
    token = ApiToken.objects.get(digest=ApiToken.hash(personas["intake_bpp"].token))
    # Notices are made by jobs and decisions (no service takes them from a caller): one by hand.
    notice = Notification.objects.create(
        user=cw, kind="assigned", case=case, message=f"Kasus {case.registration_number}"
    )

    # A monthly statistics report of Balikpapan, the supervisors' version (naungan/stats).
    from naungan.areas.models import Area
    from naungan.stats.models import MonthlyReport

    monthly = MonthlyReport.objects.create(
        area=Area.objects.get(code="64.71"),
        year=2025,
        month=1,
        audience="supervisor",
        pdf=PDF,
    )

    # A phone of the Balikpapan activist that synced its offline queue (naungan/offline).
    device = Device.objects.create(
        public_id=uuid.uuid4(), user=user["activist_bpp"], name="Ponsel uji"
    )
    # A report of another activist of activist_bpp's kelurahan (and group): 404 for activist_bpp.
    other_activist = build_user("activist", "bpp", username="activist2_bpp")
    other_report = report_services.report_submit(
        actor=other_activist,
        data=ReportInput(
            reporter_relation="witness",
            violence_types=["psychological"],
            description="Seorang ibu di RT 2 diancam suaminya setiap malam.",
            area_code="64.71.01.1001",
        ),
    ).report
    assert other_report is not None

    # Community: activist_bpp chairs the Manggar group and accompanies the case.
    group = Organisation.objects.get(slug="t-ppatbm-bpp")
    membership = community.membership_add(
        actor=sup,
        group=group,
        member=community.MemberIn(user=user["activist_bpp"], role="chair", rts=["1", "2"]),
    )
    brief = community.brief_create(
        actor=cw,
        case=case,
        activist=user["activist_bpp"],
        brief="Korban perlu ditemani ke Polres.",
        task="Temani korban ke Polres hari Senin.",
    )

    # An activity recorded by the Balikpapan activist (the offline app's edit page).
    activity = Activity.objects.create(
        kind="komsos",
        held_on=date(2026, 1, 10),
        area=Area.objects.get(code="64.71.01.1001"),
        topic="Sosialisasi uji",
        created_by=user["activist_bpp"],
    )

    values = {
        "monthly_report": monthly.public_id,
        "activity": activity.public_id,
        "device": device.public_id,
        "brief": brief.public_id,
        "other_activist_report": other_report.public_id,
        "group": group.slug,
        "membership": membership.public_id,
        "report": report.public_id,
        "activist_report": own.public_id,
        "attachment": report.attachments.get().public_id,
        "tracking_code": report.tracking_code,
        "pin": submitted.body["pin"],
        "case": case.public_id,
        "incident": incident.public_id,
        "party": witness.public_id,
        "task": case.tasks.get(kind="police_report").public_id,
        "plan": plan.public_id,
        "document": document.public_id,
        "plan_case": plan_case.public_id,
        "submitted_plan": submitted_plan.public_id,
        "closing_case": closing_case.public_id,
        "unassigned_case": unassigned_case.public_id,
        "closure": closure.public_id,
        "transfer": transfer.public_id,
        "saved_filter": saved.pk,
        "notification": notice.pk,
        "token": token.pk,
        "caseworker_pk": cw.pk,
        "episode": outreach.public_id,
        "visit": outreach.visits.get().public_id,
        "stay_episode": stay_episode.public_id,
        "extension": extension.public_id,
        "accompaniment_episode": accompaniment.public_id,
        "mediation_episode": mediation.public_id,
        "referral": referral.public_id,
        "accepted_referral": accepted_referral.public_id,
        "training": training.public_id,
        "participant": trained[cw.pk].public_id,
        "verification_code": Participant.objects.get(pk=trained[cw.pk].pk).verification_code,
        "activist_participant": trained[user["activist_bpp"].pk].public_id,
        "provider_org": "t-posbakum-bpp",
        "assessment": assessment.public_id,
        "conference": conference.public_id,
        "safety_plan": safety_plan.public_id,
    }
    for persona in personas.values():
        persona.token  # noqa: B018 - issue every token now, inside the world's transaction
        _share_handler(persona.client)
    return World(personas=personas, values=values)


@contextmanager
def rolled_back_world(django_db_blocker: Any) -> Iterator[World]:
    """The world, built once inside a transaction that is rolled back afterwards (for a
    module-scoped fixture: ``with rolled_back_world(django_db_blocker) as world: yield world``).
    """
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast, transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        assert name.startswith("test_") or "memory" in name, f"not a test database: {name}"
        cache.clear()
        yield _build_world()
        cache.clear()  # a local-memory or Redis cache; the database cache rolls back below
        transaction.set_rollback(True)
