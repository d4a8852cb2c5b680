from __future__ import annotations

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
