import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Permission

from naungan.accounts.services import ADMIN_GROUP

PASSWORD = "Uji-Persona-2026!"


@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_roles_requiring_2fa_are_sent_to_enrolment(make_user, client, role):
    client.force_login(make_user(role, "bpp", username=f"baru_{role}"))
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_after_enrolling_totp_supervisor_reaches_the_work_queue(make_user, client):
    user = make_user("supervisor", "bpp", username="baru")
    client.force_login(user)
    assert client.get("/").status_code == 302
    TOTP.activate(user, "JBSWY3DPEHPK3PXP")
    response = client.get("/")
    assert response.status_code == 200
    assert b"Supervisor" in response.content


@pytest.mark.parametrize("role", ["activist", "intake", "caseworker", "provider", "analyst"])
def test_other_roles_use_the_app_without_2fa(personas, role):
    response = personas[f"{role}_kalteng"].client.get("/")
    assert response.status_code == 200
    assert b'data-testid="area"' in response.content


def test_home_shows_role_organisation_and_area(personas):
    body = personas["caseworker_bpp"].client.get("/").content.decode()
    assert "Pendamping" in body
    assert "UPTD PPA Balikpapan (uji)" in body
    assert "Kota Balikpapan (64.71, WITA)" in body


def test_2fa_required_roles_are_configurable(make_user, client, settings):
    settings.MFA_REQUIRED_ROLES = ["caseworker"]
    client.force_login(make_user("supervisor", "bpp", username="sup"))
    assert client.get("/").status_code == 200
    client.force_login(make_user("caseworker", "bpp", username="cw"))
    assert client.get("/").status_code == 302


def test_admin_group_has_no_permission_on_case_data(personas):
    perms = Permission.objects.filter(group__name=ADMIN_GROUP)
    apps = set(perms.values_list("content_type__app_label", flat=True))
    assert apps <= {"accounts", "orgs", "areas", "core", "reports"}
    # the only permission in a domain app is configuration: the triage clocks
    assert set(
        perms.filter(content_type__app_label="reports").values_list(
            "content_type__model", flat=True
        )
    ) == {"triageclock"}
    assert perms.filter(codename="change_user").exists()
    assert (
        not perms.filter(codename__startswith="delete_")
        .exclude(codename="delete_triageclock")
        .exists()
    )


def test_tokens_page_lists_own_tokens_and_revokes(personas, client):
    persona = personas["intake_bpp"]
    # issuing needs a recent sign-in (test_tokens.py): sign in with the password
    client.post("/accounts/login/", {"login": persona.user.username, "password": PASSWORD})
    persona.client = client
    response = persona.client.post("/accounts/tokens/", {"name": "ponsel"})
    assert b'data-testid="new-token"' in response.content
    token = persona.user.api_tokens.get()
    assert token.name == "ponsel"
    persona.client.post("/accounts/tokens/", {"revoke": token.pk})
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_revoking_someone_elses_token_is_404(personas):
    other = personas["intake_kalteng"]
    other.token  # noqa: B018
    token = other.user.api_tokens.get()
    response = personas["intake_bpp"].client.post("/accounts/tokens/", {"revoke": token.pk})
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_ten_failed_logins_lock_out_even_the_right_password(personas, client):
    user = personas["analyst_bpp"].user
    for _ in range(10):
        client.post("/accounts/login/", {"login": user.username, "password": "salah"})
    response = client.post(
        "/accounts/login/", {"login": user.username, "password": "Uji-Persona-2026!"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_nine_failures_do_not_lock_out(personas, client):
    user = personas["analyst_bpp"].user
    for _ in range(9):
        client.post("/accounts/login/", {"login": user.username, "password": "salah"})
    client.post("/accounts/login/", {"login": user.username, "password": "Uji-Persona-2026!"})
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_session_expires_after_idle_time(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE <= 60 * 60


def test_admin_login_page_goes_through_allauth(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_admin_role_without_second_factor_cannot_open_the_admin(make_user, client):
    client.force_login(make_user("admin", "bpp", username="admin_baru"))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_admin_with_second_factor_manages_users_but_sees_no_case_models(personas):
    body = personas["admin_bpp"].client.get("/admin/").content.decode()
    assert "/admin/accounts/user/" in body
    assert "/admin/cases/" not in body
    assert "/admin/reports/triageclock/" in body
    assert "/admin/reports/report/" not in body
