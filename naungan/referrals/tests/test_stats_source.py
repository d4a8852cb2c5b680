"""The referrals' statistics source (issue 15): referrals by provider, status and time to
acceptance on /statistik/ and in stats/summary; analysts see small cells hidden; another
province's referrals are never counted."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from naungan.areas.models import Area
from naungan.cases.tests.factories import make_case
from naungan.referrals.models import Referral, ReferralStatus
from naungan.referrals.stats import referral_sections


def _sections(area: str = "64.71") -> dict[str, dict[str, int]]:
    year = timezone.localdate().year
    out = referral_sections(area=Area.objects.get(code=area), year=year, month=None)
    return {s.title: dict(s.rows) for s in out}


def test_referrals_counted_by_provider_status_and_time(
    personas: Any, make_bpp_case: Any, refer: Any
) -> None:
    refs = [refer(make_bpp_case()) for _ in range(6)]
    now = timezone.now()
    sent = now - timedelta(days=10)
    Referral.objects.filter(pk__in=[r.pk for r in refs]).update(sent_at=sent)
    Referral.objects.filter(pk=refs[0].pk).update(
        status=ReferralStatus.ACCEPTED, accepted_at=sent + timedelta(hours=5)
    )
    Referral.objects.filter(pk=refs[1].pk).update(
        status=ReferralStatus.ACCEPTED, accepted_at=sent + timedelta(days=5)
    )
    # A referral of a Kalimantan Tengah case is not Balikpapan's.
    other = make_case(personas["intake_kalteng"].user, area="62.71.01")
    Referral.objects.filter(pk=refer(make_bpp_case()).pk).update(case=other)

    sections = _sections()
    (provider,) = [v for k, v in sections.items() if "penyedia" in k]
    assert sum(provider.values()) == 6
    (status,) = [v for k, v in sections.items() if "status" in k]
    assert status["Terkirim"] == 4
    assert status["Diterima mitra"] == 2
    (timing,) = [v for k, v in sections.items() if "Waktu" in k]
    assert list(timing.values()) == [1, 0, 1, 0, 4]
    (kalteng,) = [v for k, v in _sections("62").items() if "status" in k]
    assert sum(kalteng.values()) == 1

    sup = personas["supervisor_bpp"].api("get", "/api/v1/stats/summary").json()
    ana = personas["analyst_bpp"].api("get", "/api/v1/stats/summary").json()

    def rows(body: dict[str, Any], word: str) -> dict[str, int | None]:
        (s,) = [s for s in body["sections"] if s["source"] == "referrals" and word in s["title"]]
        return {r["label"]: r["count"] for r in s["rows"]}

    assert rows(sup, "status")["Diterima mitra"] == 2
    assert rows(ana, "status")["Diterima mitra"] is None  # below 5: hidden for the analyst
    assert rows(ana, "status")["Terkirim"] is None  # and 4 too
    page = personas["analyst_bpp"].client.get("/statistik/")
    assert 'data-testid="stats-section-referrals"' in page.content.decode()
