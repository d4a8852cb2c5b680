"""The training pages: record a training, refusals shown next to the form (422, input kept),
results, the certificate download, one's own competencies, the expiry view (and its HTMX
table)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from naungan.orgs.models import Organisation
from naungan.training import services
from naungan.training.models import CompetencyGrant, Participant, Training

from .conftest import results

pytestmark = pytest.mark.django_db


def _form(personas: Any, **overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Manajemen stres dan krisis",
        "organiser": Organisation.objects.get(slug="t-dinas-bpp").pk,
        "starts_on": "2026-05-04",
        "ends_on": "2026-05-05",
        "place": "Aula Kecamatan Balikpapan Tengah",
        "competencies": ["stress_crisis_management"],
        "validity_months": "24",
        "pass_mark": "70",
        "participants": [personas["caseworker_bpp"].user.pk],
    }
    data.update(overrides)
    return data


def test_a_supervisor_records_a_training_on_the_page(personas: Any) -> None:
    c = personas["supervisor_bpp"].client
    assert c.get(reverse("training:create")).status_code == 200
    r = c.post(reverse("training:create"), _form(personas))
    t = Training.objects.get()
    assert r.status_code == 302
    assert r["Location"] == reverse("training:detail", args=[t.public_id])
    page = c.get(r["Location"]).content.decode()
    assert "Manajemen stres dan krisis" in page
    assert "Manajemen stres dan krisis (berlaku" in page
    assert 'data-testid="results-form"' in page


def test_a_participant_outside_the_area_is_shown_next_to_the_form(personas: Any) -> None:
    # The page offers only people in the user's area (the service's own refusal by name is
    # tested in test_trainings.py and through the API).
    c = personas["supervisor_bpp"].client
    outsider = personas["caseworker_kalteng"].user
    r = c.post(reverse("training:create"), _form(personas, participants=[outsider.pk]))
    assert r.status_code == 422  # not one of the choices offered
    assert not Training.objects.exists()


def test_end_before_start_on_the_page_keeps_the_input(personas: Any) -> None:
    c = personas["supervisor_bpp"].client
    r = c.post(reverse("training:create"), _form(personas, ends_on="2026-05-01"))
    page = r.content.decode()
    assert r.status_code == 422
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in page
    assert 'value="Aula Kecamatan Balikpapan Tengah"' in page
    assert not Training.objects.exists()


def test_results_on_the_page_and_the_certificate_download(personas: Any) -> None:
    sup = personas["supervisor_bpp"]
    services.training_create(
        actor=sup.user,
        data=services.TrainingIn(
            title="Simulasi darurat",
            organiser=Organisation.objects.get(slug="t-dinas-bpp"),
            starts_on=timezone.localdate() - timedelta(days=3),
            ends_on=timezone.localdate() - timedelta(days=2),
            place="Aula",
            pass_mark=70,
            competencies=[services.CompetencyIn("emergency_simulation", 12)],
            participants=[personas["caseworker_bpp"].user, personas["activist_bpp"].user],
        ),
    )
    t = Training.objects.get()
    cw = Participant.objects.get(user__username="caseworker_bpp")
    act = Participant.objects.get(user__username="activist_bpp")
    url = reverse("training:results", args=[t.public_id])
    bad = sup.client.post(url, {f"attended_{cw.public_id}": "on", f"post_{cw.public_id}": "101"})
    assert bad.status_code == 422
    assert "antara 0 dan 100" in bad.content.decode()
    assert not CompetencyGrant.objects.exists()
    ok = sup.client.post(
        url,
        {
            f"attended_{cw.public_id}": "on",
            f"pre_{cw.public_id}": "45",
            f"post_{cw.public_id}": "90",
            f"attended_{act.public_id}": "on",
            f"post_{act.public_id}": "50",
        },
    )
    assert ok.status_code == 302
    cw.refresh_from_db()
    assert cw.passed
    assert cw.post_score == 90
    pdf = personas["caseworker_bpp"].client.get(
        reverse("training:certificate", args=[t.public_id, cw.public_id])
    )
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    # The activist did not pass: back to the training with the reason.
    r = personas["activist_bpp"].client.get(
        reverse("training:certificate", args=[t.public_id, act.public_id]), follow=True
    )
    assert "hanya diterbitkan untuk peserta yang hadir dan lulus" in r.content.decode()
    mine = personas["caseworker_bpp"].client.get(reverse("training:mine")).content.decode()
    assert "Simulasi penanganan darurat" in mine
    assert "Unduh sertifikat" in mine


def test_the_expiry_page_and_its_htmx_table(personas: Any, training: Any) -> None:
    sup = personas["supervisor_bpp"]
    services.training_results_record(
        actor=sup.user, training=training, results=results(training, activist_bpp=(True, 50, 90))
    )
    today = timezone.localdate()
    CompetencyGrant.objects.create(
        user=personas["caseworker_bpp"].user,
        competency="regulations",
        granted_on=today - timedelta(days=400),
        expires_on=today - timedelta(days=5),
        source="direct",
    )
    page = sup.client.get(reverse("training:expiring")).content.decode()
    assert "Peraturan perundang-undangan" in page
    assert "sudah berakhir" in page
    part = sup.client.get(reverse("training:expiring") + "?days=10", HTTP_HX_REQUEST="true")
    html = part.content.decode()
    assert "<html" not in html
    assert 'data-testid="expiry-count"' in html
    assert personas["caseworker_bpp"].client.get(reverse("training:expiring")).status_code == 404


def test_the_direct_record_page_refuses_an_expired_competency(personas: Any) -> None:
    c = personas["supervisor_bpp"].client
    today = timezone.localdate()
    r = c.post(
        reverse("training:grant"),
        {
            "user": personas["activist_bpp"].user.pk,
            "competency": "regulations",
            "granted_on": (today - timedelta(days=700)).isoformat(),
            "expires_on": (today - timedelta(days=1)).isoformat(),
        },
    )
    assert r.status_code == 422
    assert "sudah berakhir" in r.content.decode()
    assert not CompetencyGrant.objects.exists()


def test_the_list_and_expiry_pages_keep_their_query_counts(
    personas: Any, training: Any, django_assert_max_num_queries: Any
) -> None:
    sup = personas["supervisor_bpp"]
    for n in range(5):
        services.training_create(
            actor=sup.user,
            data=services.TrainingIn(
                title=f"Pelatihan {n}",
                organiser=Organisation.objects.get(slug="t-dinas-bpp"),
                starts_on=timezone.localdate(),
                ends_on=timezone.localdate(),
                place="Aula",
                participants=[personas["caseworker_bpp"].user],
            ),
        )
    services.training_results_record(
        actor=sup.user,
        training=training,
        results=results(training, caseworker_bpp=(True, 50, 90), activist_bpp=(True, 50, 90)),
    )
    with django_assert_max_num_queries(12):
        assert sup.client.get(reverse("training:list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert sup.client.get(reverse("training:expiring") + "?days=2000").status_code == 200
    with django_assert_max_num_queries(12):
        assert personas["caseworker_bpp"].client.get(reverse("training:mine")).status_code == 200


def test_printing_a_certificate_is_audited(personas: Any, training: Any) -> None:
    from naungan.core.models import AuditEvent

    services.training_results_record(
        actor=personas["supervisor_bpp"].user,
        training=training,
        results=results(training, caseworker_bpp=(True, 50, 90)),
    )
    p = Participant.objects.get(user__username="caseworker_bpp")
    c = personas["caseworker_bpp"].client
    assert (
        c.get(reverse("training:certificate", args=[training.public_id, p.public_id])).status_code
        == 200
    )
    assert AuditEvent.objects.filter(action="print", actor=personas["caseworker_bpp"].user).exists()


def test_a_kecamatan_training_refuses_an_activist_of_another_kecamatan_by_name(
    personas: Any,
) -> None:
    from naungan.orgs.services import org_create

    kecamatan = org_create(
        actor=None,
        slug="t-kec-bpp-tengah",
        name="Kecamatan Balikpapan Tengah (uji)",
        kind="dinas",
        area_code="64.71.04",
    )
    activist = personas["activist_bpp"].user  # kelurahan 64.71.01.1001, another kecamatan
    activist.first_name, activist.last_name = "Rina", "Wulandari"
    activist.save()
    c = personas["supervisor_bpp"].client
    r = c.post(
        reverse("training:create"),
        _form(personas, organiser=kecamatan.pk, participants=[activist.pk]),
    )
    page = r.content.decode()
    assert r.status_code == 422
    assert "Peserta di luar wilayah penyelenggara" in page
    assert "Rina Wulandari" in page
    assert not Training.objects.exists()
