"""Demo records of the community tier (``manage.py seed_demo``, safe to run twice): the Manggar
PPATBM group in Balikpapan with the demo activist ``aktivis_bpp`` as its chair, its partners,
the kelurahan's RTs, and a few prevention activities; the Pahandut group in Palangka Raya with
``aktivis_kalteng`` as a member. Logins stay as the demo app made them."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from naungan.accounts.models import User
from naungan.orgs.models import Organisation

from .models import Activity, GroupProfile, Membership, Partner
from .services import (
    ActivityInput,
    MemberIn,
    activity_create,
    group_profile_update,
    membership_add,
    partner_add,
)

GROUPS = [
    # group slug, supervisor, activist, role, RTs, RT total, contact
    ("ppatbm-manggar", "supervisor_bpp", "aktivis_bpp", "chair", ["1", "2", "3", "4"], 12),
    ("ppatbm-pahandut", "supervisor_kalteng", "aktivis_kalteng", "member", ["7"], 20),
]
PARTNERS = {
    "ppatbm-manggar": [
        ("legal_aid", "Posbakum Aisyiyah", "posbakum-aisyiyah"),
        ("family_counselling", 'Bikksa "Mentari"', ""),
        ("police", "Polsek Balikpapan Timur", ""),
        ("military", "Babinsa Koramil Balikpapan Timur", ""),
    ],
}
ACTIVITIES = [
    (
        "parenting",
        3,
        "005",
        "Pengasuhan tanpa kekerasan (Lautan RT)",
        "Puskesmas Manggar",
        (14, 3, 5, 4),
    ),
    ("komsos", 10, "002", "Mengenali dan melaporkan KDRT", "Posbakum Aisyiyah", (22, 9, 0, 0)),
    (
        "radicalism_awareness",
        40,
        "",
        "Pencegahan paham radikal di lingkungan",
        "Polsek Balikpapan Timur",
        (11, 15, 2, 3),
    ),
]


def seed_community() -> None:
    for slug, sup_name, activist_name, role, rts, rt_total in GROUPS:
        group = Organisation.objects.filter(slug=slug).first()
        supervisor = User.objects.filter(username=sup_name).first()
        activist = User.objects.filter(username=activist_name).first()
        if group is None or supervisor is None or activist is None:
            continue
        if not GroupProfile.objects.filter(group=group).exists():
            group_profile_update(
                actor=supervisor,
                group=group,
                rt_total=rt_total,
                contact_name="Sekretariat PPATBM",
                contact_phone="0542-000000",
            )
        if not Membership.objects.filter(user=activist, left_on__isnull=True).exists():
            membership_add(
                actor=supervisor,
                group=group,
                member=MemberIn(
                    user=activist,
                    role=role,
                    rw="1",
                    rts=rts,
                    joined_on=dt.date(2025, 7, 15),
                ),
            )
        for kind, name, org_slug in PARTNERS.get(slug, []):
            if not Partner.objects.filter(group=group, name=name).exists():
                partner_add(
                    actor=supervisor,
                    group=group,
                    kind=kind,
                    name=name,
                    organisation=Organisation.objects.filter(slug=org_slug).first(),
                )
        if slug == "ppatbm-manggar" and not Activity.objects.filter(group=group).exists():
            today = timezone.localdate()
            for kind, days_ago, rt, topic, partner, (w, m, g, b) in ACTIVITIES:
                activity_create(
                    actor=activist,
                    data=ActivityInput(
                        kind=kind,
                        held_on=today - dt.timedelta(days=days_ago),
                        area_code=group.area.code,
                        rt=rt,
                        rw="1",
                        topic=topic,
                        partner=partner,
                        attendance={"women": w, "men": m, "girls": g, "boys": b},
                    ),
                )
