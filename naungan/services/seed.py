"""Demo data of services: the demo shelters' confidential addresses (invented), so that the
address rule can be seen (``seed_demo``; idempotent)."""

from __future__ import annotations

from naungan.orgs.models import Organisation

DEMO_ADDRESSES = {
    "rumah-aman-bpp": "Jl. Contoh Demo No. 1, Balikpapan (alamat rekaan)",
    "rumah-aman-kalteng": "Jl. Contoh Demo No. 2, Palangka Raya (alamat rekaan)",
}


def seed_services() -> None:
    for org in Organisation.objects.filter(slug__in=DEMO_ADDRESSES, confidential_address=""):
        org.confidential_address = DEMO_ADDRESSES[org.slug]
        org.save(update_fields=["confidential_address", "updated_at"])
