"""Saved filters on the case list: save the current filters under a name, apply, delete own."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from naungan.cases.models import SavedFilter
from naungan.cases.services.saved_filters import saved_filter_save

pytestmark = pytest.mark.django_db


def test_save_keeps_known_filters_but_never_the_search_text(personas):
    saved = saved_filter_save(
        actor=personas["caseworker_bpp"].user,
        name="Seksual terlambat",
        query="status=open&violence_type=sexual&overdue=on&q=6471010101010001&page=3",
    )
    assert saved.query == "status=open&violence_type=sexual&overdue=on"


def test_same_name_replaces_and_empty_is_refused(personas):
    user = personas["supervisor_bpp"].user
    saved_filter_save(actor=user, name="A", query="status=open")
    saved_filter_save(actor=user, name="A", query="status=closed")
    assert list(SavedFilter.objects.values_list("query", flat=True)) == ["status=closed"]
    with pytest.raises(ValidationError):
        saved_filter_save(actor=user, name="B", query="q=Siti")


def test_list_page_offers_save_and_shows_saved_filters(personas):
    client = personas["supervisor_bpp"].client
    page = client.get("/kasus/?status=open").content.decode()
    assert 'data-testid="list-tools"' in page
    assert 'value="status=open"' in page
    response = client.post("/kasus/saringan/", {"name": "Terbuka", "query": "status=open"})
    assert response.status_code == 302
    assert response["Location"] == "/kasus/?status=open"
    page = client.get("/kasus/").content.decode()
    assert "Terbuka" in page
    assert "?status=open" in page


def test_delete_own_only(personas):
    mine = saved_filter_save(actor=personas["caseworker_bpp"].user, name="X", query="status=open")
    other = personas["caseworker_kalteng"].client
    assert other.post(f"/kasus/saringan/{mine.pk}/hapus/").status_code == 404
    assert "X" not in other.get("/kasus/saringan/").content.decode().split("<main")[-1]
    assert SavedFilter.objects.filter(pk=mine.pk).exists()
    owner = personas["caseworker_bpp"].client
    assert owner.get("/kasus/saringan/").status_code == 200
    assert owner.post(f"/kasus/saringan/{mine.pk}/hapus/").status_code == 302
    assert not SavedFilter.objects.filter(pk=mine.pk).exists()


def test_api_saved_filters(personas):
    p = personas["intake_bpp"]
    r = p.api("post", "/api/v1/cases/saved-filters", {"name": "N", "query": "status=open"})
    assert r.status_code == 201
    fid = r.json()["id"]
    assert p.api("get", "/api/v1/cases/saved-filters").json()["count"] == 1
    other = personas["intake_kalteng"]
    assert other.api("get", "/api/v1/cases/saved-filters").json()["count"] == 0
    assert other.api("delete", f"/api/v1/cases/saved-filters/{fid}").status_code == 404
    assert p.api("delete", f"/api/v1/cases/saved-filters/{fid}").status_code == 204
