"""The activity form (phone-first), the summary page and the printable kecamatan report."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from naungan.community.models import Activity

from .conftest import KELURAHAN

pytestmark = pytest.mark.django_db


def _form(**change: Any) -> dict[str, Any]:
    return {
        "kind": "komsos",
        "held_on": timezone.localdate().isoformat(),
        "area_code": KELURAHAN,
        "rt": "4",
        "topic": "Cegah kekerasan dalam rumah tangga",
        "partner": "Posbakum Aisyiyah",
        "women": "20",
        "men": "6",
        "girls": "0",
        "boys": "1",
        **change,
    }


def test_activist_records_an_activity_through_the_form(personas: Any) -> None:
    client = personas["activist_bpp"].client
    page = client.get("/ppatbm/kegiatan/baru/")
    assert page.status_code == 200
    assert "Jangan memotret anak atau korban" in page.content.decode()
    assert client.post("/ppatbm/kegiatan/baru/", _form()).status_code == 302
    activity = Activity.objects.get()
    assert (activity.rt, activity.women, activity.partner) == ("004", 20, "Posbakum Aisyiyah")


def test_a_negative_count_is_refused_next_to_the_field_keeping_the_input(personas: Any) -> None:
    response = personas["activist_bpp"].client.post("/ppatbm/kegiatan/baru/", _form(girls="-3"))
    assert response.status_code == 422
    text = response.content.decode()
    assert "tidak boleh negatif" in text
    assert "Cegah kekerasan dalam rumah tangga" in text
    assert not Activity.objects.exists()


def test_summary_and_print_pages(personas: Any) -> None:
    personas["activist_bpp"].client.post("/ppatbm/kegiatan/baru/", _form())
    month = f"{timezone.localdate():%Y-%m}"
    sup = personas["supervisor_bpp"].client
    page = sup.get(f"/ppatbm/ringkasan/?area=64.71.01&month={month}")
    assert page.status_code == 200
    text = page.content.decode()
    assert "PPATBM Manggar (uji)" in text
    assert 'data-testid="print-link"' in text
    printed = sup.get(f"/ppatbm/ringkasan/cetak/?area=64.71.01&month={month}")
    assert printed.status_code == 200
    assert "Komsos (sosialisasi) 1" in printed.content.decode()
    assert sup.get("/ppatbm/ringkasan/?area=62&month=2026-01").status_code == 404
    own = personas["activist_bpp"].client.get("/ppatbm/ringkasan/")
    assert own.status_code == 200
