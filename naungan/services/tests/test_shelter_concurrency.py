"""Two admissions to a shelter's last free bed at the same moment: exactly one passes, the
other answers ShelterFull with free_beds 0 (the shelter's row is locked before its beds are
counted). Needs real concurrent transactions, so it runs on PostgreSQL only:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/naungan_services \\
        .venv/bin/pytest -q naungan/services/tests/test_shelter_concurrency.py

(SQLite, the default, serialises every write transaction anyway: ``transaction_mode`` is
IMMEDIATE in settings, so the second admission cannot start counting before the first
commits.)"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from naungan.services.exceptions import ShelterFull
from naungan.services.models import ShelterStay
from naungan.services.services import EpisodeIn, episode_open
from naungan.services.services import shelter as shelter_services

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_admissions_to_the_last_bed_cannot_both_pass(
    make_bpp_case, personas, shelter, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL) for concurrent transactions")
    shelter.capacity = 1
    shelter.save()
    cases = [make_bpp_case(), make_bpp_case()]
    counted = shelter_services.free_beds

    def slow_count(org):  # widen the window between counting and admitting
        free = counted(org)
        time.sleep(0.5)
        return free

    monkeypatch.setattr(shelter_services, "free_beds", slow_count)
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def admit(case, who):
        try:
            barrier.wait()
            episode_open(
                actor=personas[who].user,
                case=case,
                data=EpisodeIn(service="shelter", organisation=shelter),
            )
            outcomes.append("admitted")
        except ShelterFull as exc:
            outcomes.append(exc.extra)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=admit, args=(cases[0], "caseworker_bpp")),
        threading.Thread(target=admit, args=(cases[1], "supervisor_bpp")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(map(str, outcomes)) == sorted(["admitted", str({"free_beds": 0})])
    assert ShelterStay.objects.filter(shelter=shelter, discharged_at__isnull=True).count() == 1
