import pytest

from naungan.accounts.services import token_issue, token_revoke


def test_missing_token_is_401(client, db):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert "detail" in response.json()


@pytest.mark.parametrize("header", ["Bearer ngn_palsu", "Bearer ", "Token abc", "Basic eDp5"])
def test_bad_token_is_401(client, db, header):
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=header).status_code == 401


def test_revoked_token_is_401(personas):
    persona = personas["caseworker_bpp"]
    assert persona.api("get", "/api/v1/me").status_code == 200
    token = persona.user.api_tokens.get()
    token_revoke(user=persona.user, token_id=token.pk)
    assert persona.api("get", "/api/v1/me").status_code == 401


def test_token_of_inactive_user_is_401(personas):
    persona = personas["intake_bpp"]
    persona.token  # noqa: B018 - issue it while active
    persona.user.is_active = False
    persona.user.save()
    assert persona.api("get", "/api/v1/me").status_code == 401


def test_token_works_for_supervisor_without_enrolled_second_factor(make_user, client):
    user = make_user("supervisor", "kalteng", username="tanpa_2fa")
    token = token_issue(user=user)
    body = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert body["area_code"] == "62"
    assert body["second_factor_required"] is True


def test_openapi_document_and_docs_are_served(client, db):
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["info"]["version"] == "1"
    assert "/api/v1/regions" in doc["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_token_lookup_loads_user_area_and_organisation_in_one_query(
    make_user, django_assert_num_queries
):
    from naungan.accounts.services import token_authenticate

    user = make_user("supervisor", "bpp", username="satu_kueri")
    raw = token_issue(user=user)
    token_authenticate(raw)  # the first call also touches last_used_at
    with django_assert_num_queries(1):
        found = token_authenticate(raw)
        assert found == user
        assert found.area == user.area
        assert found.organisation == user.organisation
        assert found.organisation.confidential_address == user.organisation.confidential_address
        assert found.competencies == user.competencies
        assert found.role == "supervisor"


def test_token_of_user_without_area_or_unit_loads_none(db, django_assert_num_queries):
    from naungan.accounts.models import User
    from naungan.accounts.services import token_authenticate

    user = User.objects.create_user("tanpa_wilayah", password="x" * 12, role="analyst")
    raw = token_issue(user=user)
    token_authenticate(raw)
    with django_assert_num_queries(1):
        found = token_authenticate(raw)
        assert found == user
        assert found.area is None
        assert found.organisation is None
