"""The Django admin of organisations edits the directory and never shows a shelter's address."""

from __future__ import annotations

import pytest
from django.urls import reverse

from naungan.orgs.models import Organisation

SECRET = "Jl. Rahasia Admin 5"


@pytest.fixture
def shelter(orgs, provider):
    org = provider(
        "ra-admin", "Rumah Aman Admin (uji)", "64.71", ["shelter"], provider_type="shelter",
        hours="24 jam", eligibility_documents=["ktp"],
    )  # fmt: skip
    org.confidential_address = SECRET
    org.save()
    return org


def test_the_list_and_the_form_never_show_the_shelter_address(personas, shelter):
    admin = personas["admin_bpp"].client
    listing = admin.get(reverse("admin:orgs_organisation_changelist")).content.decode()
    assert "Rumah Aman Admin (uji)" in listing
    assert "Penampungan sementara" in listing  # services in words
    assert SECRET not in listing
    form = admin.get(reverse("admin:orgs_organisation_change", args=[shelter.pk]))
    page = form.content.decode()
    assert form.status_code == 200
    assert SECRET not in page
    assert "confidential_address" not in page
    for name in ("hours", "capacity_notes", "eligibility_documents", "coverage", "website"):
        assert f'name="{name}"' in page


def test_the_admin_edits_the_directory_and_keeps_the_address(personas, shelter):
    admin = personas["admin_bpp"].client
    data = {
        "slug": shelter.slug, "name": shelter.name, "kind": "provider",
        "provider_type": "shelter", "area": shelter.area.pk, "active": "on",
        "services": ["shelter", "psychosocial"], "coverage": [shelter.area.pk],
        "hours": "Setiap hari 24 jam", "phone": "", "email": "", "website": "",
        "address": "", "eligibility": "", "eligibility_documents": ["ktp", "kk"],
        "capacity": "5", "capacity_notes": "Kamar ibu dan anak",
    }  # fmt: skip
    r = admin.post(reverse("admin:orgs_organisation_change", args=[shelter.pk]), data)
    assert r.status_code == 302, r.content.decode()[:2000]
    org = Organisation.objects.get(pk=shelter.pk)
    assert org.services == ["shelter", "psychosocial"]
    assert org.eligibility_documents == ["ktp", "kk"]
    assert (org.hours, org.capacity, org.capacity_notes) == (
        "Setiap hari 24 jam",
        5,
        "Kamar ibu dan anak",
    )
    assert org.confidential_address == SECRET
