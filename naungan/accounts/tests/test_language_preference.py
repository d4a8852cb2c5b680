"""A user's language (``User.language``, Indonesian by default, English second): the pages
once signed in, set on the settings page (/accounts/pengaturan/) or in the admin, and the
language of the e-mails sent to that user (see also cases' test_notice_language)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from naungan.accounts.models import User
from naungan.accounts.services import user_email_change

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def _english(user: User) -> User:
    user.language = "en"
    user.save(update_fields=["language"])
    return user


def test_a_new_account_speaks_indonesian(personas):
    user = personas["intake_bpp"].user
    assert User.objects.get(pk=user.pk).language == "id"


def test_an_indonesian_user_gets_indonesian_pages(client, personas):
    client.force_login(personas["intake_bpp"].user)
    response = client.get("/")
    assert response["Content-Language"] == "id"
    assert "Keluar" in response.content.decode()


def test_an_english_user_gets_english_pages_once_signed_in(client, personas):
    client.force_login(_english(personas["intake_bpp"].user))
    response = client.get("/")
    assert response["Content-Language"] == "en"
    page = response.content.decode()
    assert "Sign out" in page
    assert "Keluar" not in page


def test_the_language_switch_still_wins_for_the_browser_session(client, personas):
    client.force_login(_english(personas["intake_bpp"].user))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    assert client.get("/")["Content-Language"] == "id"


def test_the_public_pages_stay_indonesian_for_anonymous_visitors(client, personas):
    _english(personas["intake_bpp"].user)
    response = client.get(reverse("reports:lapor"))
    assert response["Content-Language"] == "id"
    assert "sessionid" not in response.cookies


def test_the_settings_page_sets_the_language_at_once(client, personas):
    user = personas["caseworker_bpp"].user
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"  # the header switch chose Indonesian
    page = client.get(reverse("preferences"))
    assert page.status_code == 200
    assert 'name="language"' in page.content.decode()
    response = client.post(reverse("preferences"), {"language": "en"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "en"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get("/")["Content-Language"] == "en"
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert client.get("/")["Content-Language"] == "en"  # the account's, next session too


def test_the_settings_page_refuses_a_language_not_offered(client, personas):
    user = personas["caseworker_bpp"].user
    client.force_login(user)
    response = client.post(reverse("preferences"), {"language": "fr"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.language == "id"


def test_the_settings_page_is_for_signed_in_users_only(client, db):
    response = client.get(reverse("preferences"))
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)


def test_an_administrator_sets_a_users_language_in_the_console(client, personas):
    admin = personas["admin_bpp"].user
    user = personas["provider_bpp"].user
    client.force_login(admin)
    url = reverse("admin:accounts_user_change", args=[user.pk])
    form = client.get(url)
    assert form.status_code == 200, form.status_code
    assert 'name="language"' in form.content.decode()


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("id", "Naungan: alamat e-mail akun Anda diubah"),
        ("en", "Naungan: the e-mail address of your account was changed"),
    ],
)
def test_the_old_address_is_told_in_the_accounts_language(
    personas, settings, language, subject, django_capture_on_commit_callbacks
):
    settings.MAILERS = LOCMEM
    user = personas["provider_bpp"].user
    user.email = "lama@example.org"
    user.language = language
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        user_email_change(actor=personas["admin_bpp"].user, user=user, email="baru@example.org")
    assert [m.subject for m in mail.outbox] == [subject]
    assert mail.outbox[0].to == ["lama@example.org"]


def test_a_forced_password_reset_mail_is_in_the_accounts_language(
    personas, mailoutbox, django_capture_on_commit_callbacks
):
    user = _english(personas["provider_bpp"].user)
    user.email = "mitra@example.org"
    user.save()
    indonesian = personas["analyst_bpp"].user
    indonesian.email = "analis@example.org"
    indonesian.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = personas["admin_bpp"].client.post(  # the administrator's pages: Indonesian
            reverse("admin:accounts_user_changelist"),
            {"action": "force_password_reset", "_selected_action": [user.pk, indonesian.pk]},
        )
    assert response.status_code == 302
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {"mitra@example.org", "analis@example.org"}
    english, bahasa = by_address["mitra@example.org"], by_address["analis@example.org"]
    assert english.subject != bahasa.subject
    assert "password" in (english.subject + english.body).lower()
    assert "kata sandi" in (bahasa.subject + bahasa.body).lower()
