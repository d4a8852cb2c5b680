import pytest


@pytest.mark.parametrize("path", ["/accounts/login/", "/healthz"])
def test_security_headers_are_set(client, db, path):
    response = client.get(path)
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_error_pages_never_show_a_stack_trace(client, db, settings):
    settings.DEBUG = False
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Traceback" not in response.content.decode()


def test_anonymous_user_is_sent_to_login_from_the_work_queue(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_signup_is_closed(client, db):
    response = client.get("/accounts/signup/")
    assert response.status_code in {200, 302}
    assert b"id_password2" not in response.content


@pytest.mark.parametrize(
    "path", ["/", "/kasus/", "/accounts/tokens/", "/accounts/2fa/", "/accounts/2fa/totp/activate/"]
)
def test_signed_in_pages_are_never_kept_by_the_browser(personas, path):
    response = personas["supervisor_bpp"].client.get(path)
    assert response.status_code in (200, 302)
    assert "no-store" in response["Cache-Control"]


def test_public_pages_keep_their_own_cache_rule(client, db):
    response = client.get("/lapor/")
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")
