"""The admin console (Django admin: accounts and organisations) is reached from the staff menu
by administrators only, opens for an administrator signed in with the second factor, and the
forced password reset says how many accounts it reset and how many e-mails it sent."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages

from .test_tokens import sign_in

ADMIN_PAGES = ["/admin/", "/admin/accounts/user/", "/admin/orgs/organisation/"]


def test_the_staff_menu_offers_the_admin_console_to_administrators(personas):
    html = personas["admin_bpp"].client.get("/").content.decode()
    assert 'data-testid="nav-admin"' in html
    assert "Konsol admin" in html
    assert 'href="/admin/accounts/user/"' in html
    assert 'href="/admin/orgs/organisation/"' in html


@pytest.mark.parametrize("role", ["supervisor", "caseworker", "intake", "analyst"])
def test_other_roles_see_no_admin_console(personas, role):
    html = personas[f"{role}_bpp"].client.get("/").content.decode()
    assert "Konsol admin" not in html
    assert "/admin/" not in html


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_the_console_opens_for_an_admin_signed_in_with_the_second_factor(personas, path):
    client = sign_in(personas["admin_bpp"].user, totp=True)
    assert client.get(path).status_code == 200


def test_the_console_is_refused_to_a_supervisor(personas):
    response = personas["supervisor_bpp"].client.get("/admin/accounts/user/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def force_reset(admin, users):
    return admin.client.post(
        "/admin/accounts/user/",
        {"action": "force_password_reset", "_selected_action": [u.pk for u in users]},
        follow=True,
    )


def test_the_forced_reset_counts_accounts_and_e_mails_apart(personas, mailoutbox):
    with_mail = personas["caseworker_bpp"].user
    with_mail.email = "pendamping@example.org"
    with_mail.save()
    without = personas["intake_bpp"].user
    without.email = ""
    without.save()
    response = force_reset(personas["admin_bpp"], [with_mail, without])
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Kata sandi 2 akun dinonaktifkan. 1 e-mail atur ulang dikirim." in texts
    assert any(without.username in t and "tanpa alamat e-mail" in t for t in texts)
    without.refresh_from_db()
    assert not without.has_usable_password()


def test_resetting_only_oneself_resets_nothing_and_says_so(personas):
    admin = personas["admin_bpp"]
    response = force_reset(admin, [admin.user])
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert texts == ["Ganti kata sandi Anda sendiri di halaman akun Anda."]
    admin.user.refresh_from_db()
    assert admin.user.has_usable_password()


def test_the_console_is_named_as_in_the_menu(personas):
    html = personas["admin_bpp"].client.get("/admin/").content.decode()
    assert "Konsol admin Naungan" in html
    assert "Django" not in html.split("<body")[1].split("</header>")[0]
