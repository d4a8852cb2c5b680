"""API schemas of the directory of partner providers (``GET /api/v1/providers``)."""

from __future__ import annotations

from ninja import Field, Schema


class ProviderQuery(Schema):
    service: str = Field("", description="a service type (CONTRACT §5); every service when empty")
    area: str = Field(
        "", description="a Kemendagri area code; the caller's own scope area when empty"
    )
    q: str = Field("", max_length=100, description="words of the provider's name")
    limit: int = Field(50, description="at most 200")
    offset: int = 0


class ProviderOut(Schema):
    slug: str
    name: str
    services: list[str]
    area_code: str = Field(description="the provider's home area")
    provider_type: str
    phone: str
    email: str
    website: str
    address: str = Field(description="the public address; a shelter's address is never shown")
    hours: str
    eligibility: str
    eligibility_documents: list[str] = Field(
        description="documents of which the client needs any one (e.g. `sktm`, `pkh`)"
    )
    coverage: list[str] = Field(description="codes of the areas it serves")
    capacity: int | None = Field(description="beds (shelters)")
    capacity_notes: str
    rank: int = Field(
        description="0 covers the area's kecamatan, 1 its kota/kabupaten, 2 its province, "
        "3 national"
    )
    nearness: str = Field(description="`district`, `regency`, `province` or `national`")


class ProviderListOut(Schema):
    items: list[ProviderOut]
    count: int
