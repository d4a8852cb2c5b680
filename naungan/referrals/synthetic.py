"""Referrals of synthetic cases (``generate_synthetic``): about a third of the cases past
identification are referred to a partner of their province that offers the service, with a
consent by category (the victim's, or a guardian's for a child), and answered as partners
answer: most old referrals completed, some declined or withdrawn, recent ones waiting."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Max

from naungan.cases.models import CaseStatus
from naungan.demo.bulk_insert import insert_rows
from naungan.orgs.models import Organisation, OrgKind

from .models import (
    Consent,
    ConsentGiver,
    Referral,
    ReferralServiceType,
    ReferralStatus,
)

if TYPE_CHECKING:
    from naungan.demo.synthetic import BatchContext

REFERRED_SHARE = 0.35
SECOND_SHARE = 0.10


def _providers_by_province() -> dict[str, list[tuple[Organisation, str]]]:
    """(provider, service) pairs per province; national bodies serve every province."""
    orgs = list(
        Organisation.objects.filter(kind=OrgKind.PROVIDER, active=True).select_related("area")
    )
    provinces = {o.area.province_code for o in orgs}
    return {
        p: [
            (o, s)
            for o in orgs
            if o.area.province_code == p or o.provider_type == "national"
            for s in o.services or []
            if s in ReferralServiceType.values
        ]
        for p in provinces
    }


class _Numbers:
    """The next reference number per year, after those already stored."""

    def __init__(self) -> None:
        self.top: dict[int, int] = {}

    def next(self, year: int) -> int:
        if year not in self.top:
            self.top[year] = Referral.objects.filter(year=year).aggregate(n=Max("number"))["n"] or 0
        self.top[year] += 1
        return self.top[year]


def _status(rng_value: float, age: timedelta) -> str:
    if age < timedelta(days=2):
        return ReferralStatus.SENT if rng_value < 0.7 else ReferralStatus.ACCEPTED
    if age < timedelta(days=30):
        return [ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED][
            min(2, int(rng_value * 3))
        ]
    if rng_value < 0.70:
        return ReferralStatus.COMPLETED
    if rng_value < 0.82:
        return ReferralStatus.DECLINED
    if rng_value < 0.90:
        return ReferralStatus.WITHDRAWN
    return ReferralStatus.ACCEPTED


def add_referrals(batch: BatchContext) -> None:
    from naungan.demo.synthetic import uuid_from

    rng, now = batch.rng, batch.now
    providers_of, numbers = _providers_by_province(), _Numbers()
    consents: list[Consent] = []
    referrals: list[Referral] = []
    for case, victim in zip(batch.cases, batch.victims, strict=True):
        if case.status == CaseStatus.OPEN or rng.random() >= REFERRED_SHARE:
            continue
        providers = providers_of.get(case.area.province_code, [])
        if not providers:
            continue
        worker = case.lead or case.created_by
        for _ in range(2 if rng.random() < SECOND_SHARE else 1):
            org, service = rng.choice(providers)
            sent = min(case.received_at + timedelta(hours=rng.randrange(6, 24 * 20)), now)
            child = victim.person.age is not None and victim.person.age < 18
            categories = ["identity", "narrative"] + (["contact"] if rng.random() < 0.5 else [])
            consent = Consent(
                public_id=uuid_from(rng),
                case=case,
                subject=victim,
                recipient=org,
                categories=categories,
                given_by=ConsentGiver.GUARDIAN if child else ConsentGiver.VICTIM,
                guardian_name="Wali sintetis" if child else "",
                form_version=settings.REFERRAL_CONSENT_FORM_VERSION,
                given_at=sent,
                recorded_by=worker,
            )
            consents.append(consent)
            status = _status(rng.random(), now - sent)
            answered = min(sent + timedelta(hours=rng.randrange(1, 30)), now)
            done = min(answered + timedelta(days=rng.randrange(1, 20)), now)
            referrals.append(
                Referral(
                    id=uuid_from(rng),
                    case=case,
                    from_organisation=case.organisation,
                    organisation=org,
                    service_type=service,
                    status=status,
                    year=sent.year,
                    number=numbers.next(sent.year),
                    consent=consent,
                    note="Rujukan sintetis untuk uji beban.",
                    sent_at=sent,
                    created_by=worker,
                    accepted_at=answered
                    if status in (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED)
                    else None,
                    declined_at=answered if status == ReferralStatus.DECLINED else None,
                    decline_reason="Di luar kewenangan"
                    if status == ReferralStatus.DECLINED
                    else "",
                    completed_at=done if status == ReferralStatus.COMPLETED else None,
                    service_given="Layanan sintetis" if status == ReferralStatus.COMPLETED else "",
                    outcome="Selesai" if status == ReferralStatus.COMPLETED else "",
                    withdrawn_at=done if status == ReferralStatus.WITHDRAWN else None,
                    withdrawn_reason="Korban pindah" if status == ReferralStatus.WITHDRAWN else "",
                )
            )
    insert_rows(Consent, consents, with_ids=True)
    for referral in referrals:
        referral.consent_id = referral.consent.pk
    insert_rows(Referral, referrals)
