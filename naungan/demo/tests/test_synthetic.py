from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from naungan.cases.models import Case, Incident, Person, Task
from naungan.core.fields import blind_index


def test_generate_synthetic_adds_realistic_cases_twice_without_collisions(db):
    out = StringIO()
    call_command(
        "generate_synthetic", "--cases", "60", "--seed", "3", stdout=out, stderr=StringIO()
    )
    call_command(
        "generate_synthetic", "--cases", "15", "--seed", "3", stdout=StringIO(), stderr=StringIO()
    )
    assert "60 synthetic cases" in out.getvalue()
    assert Case.objects.filter(registration_number__startswith="SYN/").count() == 75
    assert {c.area.province_code for c in Case.objects.select_related("area")} == {"64", "62"}
    assert Incident.objects.exists()
    sexual = Case.objects.filter(violence_key__contains=",sexual,")
    assert Task.objects.filter(case__in=sexual, kind="police_report").count() == sexual.count()
    person = Person.objects.exclude(nik="").first()
    assert Person.objects.filter(nik_index=blind_index("nik", person.nik)).exists()


def test_generate_synthetic_rejects_negative_counts(db):
    with pytest.raises(CommandError):
        call_command("generate_synthetic", "--cases", "-1")


def test_synthetic_cases_carry_services_and_referrals_as_the_apps_record_them(db):
    """Every case has its complaint and case-management episodes; about a third of those past
    identification are referred to a partner of their province that offers the service, with
    a consent whose subject is the case's victim; active shelter stays never exceed the beds.
    Encrypted fields read back (bound to their rows) and the provider's scoped list sees its
    referrals."""
    from naungan.accounts.models import User
    from naungan.orgs.models import Organisation
    from naungan.referrals.models import Referral
    from naungan.referrals.selectors import referrals_visible_to
    from naungan.services.models import ServiceEpisode, ShelterStay

    call_command(
        "generate_synthetic", "--cases", "300", "--seed", "5", stdout=StringIO(), stderr=StringIO()
    )
    cases = Case.objects.filter(registration_number__startswith="SYN/")
    for service in ("complaint", "case_management"):
        assert ServiceEpisode.objects.filter(case__in=cases, service=service).count() == 300
    referrals = list(Referral.objects.select_related("case__area", "organisation__area", "consent"))
    past_open = cases.exclude(status="open").count()
    assert 0.15 * past_open < len(referrals) < 0.7 * past_open
    for r in referrals[:50]:
        assert r.service_type in r.organisation.services
        assert r.organisation.area.province_code == r.case.area.province_code
        assert r.consent.case_id == r.case_id
        assert r.consent.subject.role == "victim"
        assert r.consent.subject.case_id == r.case_id
        assert r.consent.recipient_id == r.organisation_id
        assert r.note == "Rujukan sintetis untuk uji beban."
        if r.status == "completed":
            assert r.outcome
    statuses = {r.status for r in referrals}
    assert "completed" in statuses
    assert len(statuses) >= 3
    for shelter in Organisation.objects.filter(capacity__isnull=False):
        active = ShelterStay.objects.filter(
            shelter=shelter,
            discharged_at__isnull=True,
            episode__case__registration_number__startswith="SYN/",
        )
        assert sum(s.beds for s in active) <= shelter.capacity
    assert ShelterStay.objects.exists()
    provider = User.objects.filter(
        role="provider", organisation_id__in=Referral.objects.values("organisation_id")
    ).first()
    if provider is not None:
        assert (
            referrals_visible_to(provider).count()
            == Referral.objects.filter(organisation=provider.organisation).count()
        )


def test_synthetic_incidents_fill_every_statistics_dimension(db):
    """Place, UU TPKS category (sexual violence only) and survivor disability are filled too,
    so that statistics and the SIMFONI export see every dimension; they come from a generator
    of their own per case, so the rest of a seed's data is what it was before."""
    call_command(
        "generate_synthetic", "--cases", "300", "--seed", "9", stdout=StringIO(), stderr=StringIO()
    )
    incidents = Incident.objects.filter(case__registration_number__startswith="SYN/")
    assert incidents.count() > 100  # the demo's own incidents (seed_demo) are left out
    assert not incidents.filter(place="").exists()
    assert len(set(incidents.values_list("place", flat=True))) >= 4
    sexual = incidents.filter(gbv_type__in=("rape", "sexual_assault"))
    assert sexual.exists()
    assert not sexual.filter(tpks_type="").exists()
    assert not incidents.exclude(gbv_type__in=("rape", "sexual_assault")).exclude(tpks_type="")
    survivors = Person.objects.filter(incidents__in=incidents)
    assert survivors.filter(disability=True).exists()
    assert survivors.filter(disability=False).exists()
