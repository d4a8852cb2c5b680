from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from naungan.community.models import Activity, Membership, Partner

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_the_manggar_group_with_the_demo_activist_twice_safely() -> None:
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    chair = Membership.objects.get(user__username="aktivis_bpp", left_on__isnull=True)
    assert chair.group.slug == "ppatbm-manggar"
    assert chair.role == "chair"
    assert Membership.objects.filter(user__username="aktivis_kalteng").count() == 1
    assert Partner.objects.filter(group=chair.group).count() == 4
    assert Activity.objects.filter(group=chair.group).count() == 3


def test_seed_demo_makes_the_kasi_kessos_of_balikpapan_timur(client: Any) -> None:
    from naungan.accounts.models import User

    call_command("seed_demo", verbosity=0)
    kessos = User.objects.get(username="kessos_bpp_timur")
    assert (kessos.role, kessos.area.code) == ("analyst", "64.71.01")
    assert kessos.organisation.kind == "dinas"
    assert kessos.organisation.area.code == "64.71.01"
    client.force_login(kessos)
    home = client.get("/").content.decode()
    assert 'data-testid="home-coordination"' in home
    assert "Balikpapan Timur" in home
    # The demo activist of Manggar holds a competency that ends within the warning window.
    assert "1 aktivis perlu pelatihan penyegaran" in home
    assert client.get("/ppatbm/cakupan/?area=64.71.04").status_code == 404
