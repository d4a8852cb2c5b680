"""allauth's second-factor pages: a fresh sign-in counts as recent authentication (no second
password prompt before the enrolment), the pages are in Indonesian and in the app's layout, the
secret is shown whole beside the QR code, and the recovery codes lead on to the app."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters
from django.test import Client
from django.utils import timezone

from .test_tokens import PASSWORD, sign_in

ENROLMENT = "/accounts/2fa/totp/activate/"


def totp_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(counters())))


def secret_on(html: str) -> str:
    """The TOTP secret as the enrolment page shows it (in groups of four)."""
    match = re.search(r'data-testid="totp-secret"[^>]*>(.*?)</p>', html, re.S)
    assert match is not None
    return re.sub(r"<[^>]+>", "", match.group(1))


def text_of(response) -> str:
    """The visible text of a page: no tags, no scripts, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def new_supervisor(make_user):
    return make_user("supervisor", "bpp", username="sup_baru")


def test_a_fresh_sign_in_reaches_the_enrolment_without_the_password_again(new_supervisor):
    client = sign_in(new_supervisor)
    home = client.get("/")
    assert home["Location"] == ENROLMENT
    response = client.get(ENROLMENT)
    assert response.status_code == 200
    assert b'id="authenticator_secret"' in response.content


def test_an_old_sign_in_is_asked_for_the_password_before_the_enrolment(new_supervisor):
    with time_machine.travel(timezone.now() - timedelta(minutes=16), tick=False):
        client = sign_in(new_supervisor)
    response = client.get(ENROLMENT)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_the_reauthentication_window_is_the_setting(new_supervisor, settings):
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 60
    with time_machine.travel(timezone.now() - timedelta(minutes=2), tick=False):
        client = sign_in(new_supervisor)
    assert client.get(ENROLMENT)["Location"].startswith("/accounts/reauthenticate/")


def test_a_session_without_a_sign_in_record_is_still_asked(new_supervisor):
    client = Client()
    client.force_login(new_supervisor)  # no password was typed in this session
    assert client.get(ENROLMENT)["Location"].startswith("/accounts/reauthenticate/")


def test_the_enrolment_shows_the_whole_secret_and_the_qr_code_in_indonesian(new_supervisor):
    response = sign_in(new_supervisor).get(ENROLMENT)
    html = response.content.decode()
    secret = secret_on(html)
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)  # the whole base32 secret, nothing cut off
    assert "<span>" + secret[:4] + "</span><span>" + secret[4:8] + "</span>" in html
    assert 'src="data:image/svg+xml;base64,' in html
    text = text_of(response)
    assert "Aktifkan verifikasi dua langkah" in text
    for english in ("Authenticator secret", "Authenticator code", "Activate", "Code", "App"):
        assert english not in text
    assert 'class="btn btn-primary' in html


def test_enrolling_leads_to_the_recovery_codes_and_a_continue_button(new_supervisor):
    client = sign_in(new_supervisor)
    html = client.get(ENROLMENT).content.decode()
    secret = secret_on(html)
    response = client.post(ENROLMENT, {"code": totp_now(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=new_supervisor, type="totp").exists()
    codes = client.get(response["Location"])
    assert codes.status_code == 200
    html = codes.content.decode()
    assert re.search(r'<a class="btn btn-primary[^"]*" href="/"[^>]*>\s*Lanjutkan ke Naungan', html)
    # download and generate are two separate buttons, not two words run together
    download = re.search(
        r'<a class="btn [^"]*" href="/accounts/2fa/recovery-codes/download/"', html
    )
    generate = re.search(
        r'<a class="btn [^"]*" href="/accounts/2fa/recovery-codes/generate/"', html
    )
    assert download
    assert generate
    buttons = html[download.start() - 200 : generate.end()]
    assert 'class="d-flex flex-wrap gap-2' in buttons  # spaced, wrapping on a phone
    assert client.get("/").status_code == 200


def test_the_second_factor_sign_in_page_is_styled_and_indonesian(personas):
    user = personas["supervisor_bpp"].user  # the persona has TOTP
    client = Client()
    response = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
    page = client.get(response["Location"])
    html = page.content.decode()
    assert 'class="form-control' in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    text = text_of(page)
    assert "masukkan kode enam angka" in text
    for english in ("Two-Factor", "Sign In", "Cancel", "authenticator code"):
        assert english not in text


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/2fa/",
        "/accounts/2fa/recovery-codes/",
        "/accounts/2fa/recovery-codes/generate/",
        "/accounts/2fa/totp/deactivate/",
        "/accounts/reauthenticate/",
        "/accounts/2fa/reauthenticate/",
    ],
)
def test_the_second_factor_pages_speak_indonesian_in_the_app_layout(personas, path):
    user = personas["supervisor_bpp"].user
    RecoveryCodes.activate(user)
    client = sign_in(user, totp=True)
    response = client.get(path)
    assert response.status_code == 200, response.get("Location")
    main = response.content.decode().split('<main id="main"')[1].split("</main>")[0]
    # Bootstrap buttons and inputs of the app, not allauth's bare elements
    assert re.search(r'<(button|a) class="btn btn-(primary|danger|outline-danger)', main)
    assert "<ul>" not in main
    visible_inputs = re.findall(r"<input(?![^>]*type=\"hidden\")[^>]*>", main)
    assert all('class="form-control' in i for i in visible_inputs), visible_inputs
    text = text_of(response)
    for english in (
        "Two-Factor",
        "Authenticator App",
        "Recovery Codes",
        "Generate",
        "Download",
        "Deactivate",
        "Confirm",
        "Enter",
    ):
        assert english not in text, english
