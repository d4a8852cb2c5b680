"""Groups, memberships and coverage."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from naungan.community.exceptions import MembershipConflict, NotFound
from naungan.community.models import Membership
from naungan.community.selectors import coverage, coverage_area
from naungan.community.services import (
    MemberIn,
    group_profile_update,
    membership_add,
    membership_end,
    partner_add,
)
from naungan.orgs.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(orgs: Any) -> Organisation:
    return Organisation.objects.get(slug="t-ppatbm-bpp")


def test_supervisor_adds_a_member_with_rts_and_the_history_stays(
    personas: Any, group: Organisation
) -> None:
    sup = personas["supervisor_bpp"].user
    m = membership_add(
        actor=sup,
        group=group,
        member=MemberIn(user=personas["activist_bpp"].user, role="chair", rw="2", rts=["5", "1"]),
    )
    assert (m.rw, m.rts) == ("002", ["001", "005"])
    membership_end(actor=sup, membership=m)
    again = membership_add(
        actor=sup, group=group, member=MemberIn(user=personas["activist_bpp"].user)
    )
    assert Membership.objects.filter(user=personas["activist_bpp"].user).count() == 2
    assert again.left_on is None


def test_one_current_chair_and_one_current_group(
    personas: Any, activist2: Any, group: Organisation
) -> None:
    sup = personas["supervisor_bpp"].user
    membership_add(
        actor=sup, group=group, member=MemberIn(user=personas["activist_bpp"].user, role="chair")
    )
    with pytest.raises(MembershipConflict):
        membership_add(actor=sup, group=group, member=MemberIn(user=activist2.user, role="chair"))
    with pytest.raises(MembershipConflict):
        membership_add(actor=sup, group=group, member=MemberIn(user=personas["activist_bpp"].user))


def test_member_must_be_an_activist_of_the_kelurahan(personas: Any, group: Organisation) -> None:
    sup = personas["supervisor_bpp"].user
    with pytest.raises(ValidationError) as exc:
        membership_add(actor=sup, group=group, member=MemberIn(user=personas["intake_bpp"].user))
    assert "user" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        membership_add(
            actor=sup,
            group=group,
            member=MemberIn(user=personas["activist_bpp"].user, rts=["abc"]),
        )
    assert "rts" in exc.value.message_dict
    future = dt.date.today() + dt.timedelta(days=30)  # noqa: DTZ011 - far enough for any zone
    with pytest.raises(ValidationError):
        membership_add(
            actor=sup,
            group=group,
            member=MemberIn(user=personas["activist_bpp"].user, joined_on=future),
        )


@pytest.mark.parametrize(
    "who", ["supervisor_kalteng", "caseworker_bpp", "activist_bpp", "analyst_kalteng"]
)
def test_only_supervisors_and_coordinators_of_the_area_add_partners(
    personas: Any, group: Organisation, who: str
) -> None:
    with pytest.raises(NotFound):
        partner_add(actor=personas[who].user, group=group, kind="police", name="Polsek Manggar")


def test_coverage_shows_kelurahan_with_and_without_an_active_group_and_rts(
    personas: Any, group: Organisation
) -> None:
    sup = personas["supervisor_bpp"].user
    group_profile_update(actor=sup, group=group, rt_total=4)
    area = coverage_area(user=sup, area_code="64.71.01")
    [district] = coverage(user=sup, area=area)
    manggar = next(k for k in district.kelurahan if k.area.code == "64.71.01.1001")
    assert manggar.group == group
    assert not manggar.active  # a group without a current member is not active
    membership_add(
        actor=sup,
        group=group,
        member=MemberIn(user=personas["activist_bpp"].user, rts=["1", "3"]),
    )
    [district] = coverage(user=sup, area=area)
    manggar = next(k for k in district.kelurahan if k.area.code == "64.71.01.1001")
    assert manggar.active
    assert manggar.rts_without == ["002", "004"]
    others = [k for k in district.kelurahan if k.area.code != "64.71.01.1001"]
    assert others
    assert all(k.group is None and not k.active for k in others)
    assert district.with_group == 1
    assert len(district.without_group) == len(district.kelurahan) - 1
    city = coverage(user=sup, area=coverage_area(user=sup, area_code="64.71"))
    assert len(city) > 1
    assert sum(d.with_group for d in city) == 1


@pytest.mark.parametrize(
    ("who", "code"),
    [
        ("supervisor_kalteng", "64.71.01"),
        ("activist_bpp", "64.71.01"),
        ("intake_bpp", "64.71"),
        ("supervisor_bpp", "64.71.01.1001"),
    ],
)
def test_coverage_outside_scope_is_not_found(personas: Any, who: str, code: str) -> None:
    with pytest.raises(NotFound):
        coverage_area(user=personas[who].user, area_code=code)


def test_coverage_page_for_the_kecamatan_and_the_city(personas: Any, group: Organisation) -> None:
    page = personas["supervisor_bpp"].client.get("/ppatbm/cakupan/?area=64.71.01")
    assert page.status_code == 200
    assert 'data-testid="no-group"' in page.content.decode()
    city = personas["analyst_bpp"].client.get("/ppatbm/cakupan/")
    assert city.status_code == 200
    assert "Tanpa kelompok aktif" in city.content.decode()
    assert (
        personas["supervisor_kalteng"].client.get("/ppatbm/cakupan/?area=64.71").status_code == 404
    )


def test_group_page_adds_a_member_and_a_partner(personas: Any, group: Organisation) -> None:
    sup = personas["supervisor_bpp"]
    url = f"/ppatbm/kelompok/{group.slug}/"
    assert sup.client.get(url).status_code == 200
    response = sup.client.post(
        url + "anggota/",
        {"user": personas["activist_bpp"].user.pk, "role": "secretary", "rts": "1, 2"},
    )
    assert response.status_code == 302
    assert Membership.objects.get(group=group).role == "secretary"
    bad = sup.client.post(url + "mitra/", {"kind": "police", "name": ""})
    assert bad.status_code == 422
    ok = sup.client.post(url + "mitra/", {"kind": "legal_aid", "name": "Posbakum Aisyiyah"})
    assert ok.status_code == 302
    assert "Posbakum Aisyiyah" in sup.client.get(url).content.decode()
    assert personas["supervisor_kalteng"].client.get(url).status_code == 404


def test_supervisor_forms_the_group_of_a_kelurahan_without_one(personas: Any, orgs: Any) -> None:
    sup = personas["supervisor_bpp"].client
    response = sup.post("/ppatbm/kelompok/baru/", {"area_code": "64.71.01.1002"})
    assert response.status_code == 302
    group = Organisation.objects.get(kind="ppatbm", area__code="64.71.01.1002")
    assert response["Location"] == f"/ppatbm/kelompok/{group.slug}/"
    again = sup.post("/ppatbm/kelompok/baru/", {"area_code": "64.71.01.1002"})
    assert again.status_code == 302
    assert Organisation.objects.filter(kind="ppatbm", area__code="64.71.01.1002").count() == 1
    outside = personas["supervisor_kalteng"].client.post(
        "/ppatbm/kelompok/baru/", {"area_code": "64.71.01.1002"}
    )
    assert outside.status_code == 404
    assert (
        personas["analyst_bpp"]
        .client.post("/ppatbm/kelompok/baru/", {"area_code": "64.71.01.1003"})
        .status_code
        == 404
    )


def test_coverage_page_query_count_is_flat(
    personas: Any, orgs: Any, django_assert_max_num_queries: Any
) -> None:
    client = personas["supervisor_bpp"].client
    with django_assert_max_num_queries(14):
        assert client.get("/ppatbm/cakupan/").status_code == 200
