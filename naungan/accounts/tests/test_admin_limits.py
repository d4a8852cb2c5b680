"""The admin role manages accounts but never widens its own access, never sets a password,
never grants superuser or permissions and never un-revokes a token; every access change and
second-factor change is audited in the account's area."""

from __future__ import annotations

from django.contrib.auth.models import Group

from naungan.accounts.models import ApiToken, User
from naungan.accounts.services import ADMIN_GROUP, token_authenticate, token_issue
from naungan.core.models import AuditEvent
from naungan.core.selectors import audit_events_visible_to

from .test_tokens import sign_in


def change_form_data(user: User, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "organisation": user.organisation_id or "",
        "area": user.area_id or "",
        "competencies": "[]",
        "is_active": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def change_url(user: User) -> str:
    return f"/admin/accounts/user/{user.pk}/change/"


def test_admin_cannot_change_their_own_role_area_or_flags(personas):
    admin = personas["admin_bpp"]
    other_area = personas["admin_kalteng"].user.area
    response = admin.client.post(
        change_url(admin.user),
        change_form_data(
            admin.user, role="supervisor", area=other_area.pk, is_superuser="on", is_active=None
        ),
    )
    assert response.status_code in (200, 302)
    admin.user.refresh_from_db()
    assert admin.user.role == "admin"
    assert admin.user.area.code == "64.71"
    assert admin.user.is_active
    assert not admin.user.is_superuser


def test_admin_cannot_grant_superuser_or_groups_to_another_account(personas):
    admin = personas["admin_bpp"]
    target = personas["caseworker_bpp"].user
    group = Group.objects.get(name=ADMIN_GROUP)
    admin.client.post(
        change_url(target),
        change_form_data(target, is_superuser="on", is_staff="on", groups=[group.pk]),
    )
    target.refresh_from_db()
    assert not target.is_superuser
    assert not target.is_staff
    assert not target.groups.exists()
    page = admin.client.get(change_url(target)).content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="groups"' not in page


def test_admin_cannot_set_another_users_password(personas):
    admin = personas["admin_bpp"]
    target = personas["caseworker_bpp"].user
    page = admin.client.get(change_url(target)).content.decode()
    assert "/password/" not in page
    url = f"/admin/accounts/user/{target.pk}/password/"
    response = admin.client.post(
        url, {"password1": "Diambil-Alih-2026", "password2": "Diambil-Alih-2026"}
    )
    assert response.status_code in (302, 404)
    target.refresh_from_db()
    assert target.check_password("Uji-Persona-2026!")


def test_forcing_a_reset_makes_the_password_unusable_mails_the_user_and_ends_tokens(
    personas, mailoutbox, django_capture_on_commit_callbacks
):
    admin = personas["admin_bpp"]
    target = personas["caseworker_bpp"].user
    target.email = "pendamping@example.org"
    target.save()
    raw = token_issue(user=target, name="a")
    with django_capture_on_commit_callbacks(execute=True):
        admin.client.post(
            "/admin/accounts/user/",
            {"action": "force_password_reset", "_selected_action": [target.pk]},
        )
    target.refresh_from_db()
    assert not target.has_usable_password()
    assert token_authenticate(raw) is None
    assert [m.to for m in mailoutbox] == [["pendamping@example.org"]]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_a_role_change_in_the_admin_is_audited_for_the_area_and_ends_tokens(personas):
    admin = personas["admin_bpp"]
    target = personas["intake_bpp"].user
    raw = token_issue(user=target, name="a")
    response = admin.client.post(change_url(target), change_form_data(target, role="caseworker"))
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.role == "caseworker"
    assert token_authenticate(raw) is None
    (event,) = [
        e
        for e in AuditEvent.objects.filter(object_type="accounts.user")
        if "role: intake" in e.reason
    ]
    assert event.area_code == "64.71"
    assert event.actor == admin.user
    supervisor = personas["supervisor_bpp"].user
    assert audit_events_visible_to(supervisor).filter(pk=event.pk).exists()
    assert (
        not audit_events_visible_to(personas["supervisor_kalteng"].user)
        .filter(pk=event.pk)
        .exists()
    )


def test_an_area_change_shows_to_the_supervisors_of_both_areas(personas):
    admin = personas["admin_bpp"]
    target = personas["intake_bpp"].user
    kalteng = personas["intake_kalteng"].user.area
    admin.client.post(change_url(target), change_form_data(target, area=kalteng.pk))
    events = [
        e for e in AuditEvent.objects.filter(object_type="accounts.user") if "area:" in e.reason
    ]
    assert {e.area_code for e in events} == {"64.71", "62"}


def test_tokens_cannot_be_added_or_unrevoked_in_the_admin(personas):
    admin = personas["admin_bpp"]
    target = personas["caseworker_bpp"].user
    assert admin.client.get("/admin/accounts/apitoken/add/").status_code == 403
    token_issue(user=target, name="a")
    token = ApiToken.objects.get(user=target)
    admin.client.post(
        "/admin/accounts/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )
    token.refresh_from_db()
    assert token.revoked_reason == "by_admin"
    admin.client.post(
        f"/admin/accounts/apitoken/{token.pk}/change/", {"revoked_at_0": "", "revoked_at_1": ""}
    )
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_removing_the_second_factor_is_audited_in_the_users_area(personas):
    user = personas["supervisor_bpp"].user
    client = sign_in(user, totp=True)
    response = client.post("/accounts/2fa/totp/deactivate/")
    if response["Location"].startswith("/accounts/reauthenticate/"):
        response = client.post(response["Location"], {"password": "Uji-Persona-2026!"})
    assert response.status_code == 302
    (event,) = [e for e in AuditEvent.objects.all() if e.reason == "second factor: totp removed"]
    assert event.area_code == "64.71"
    assert event.actor == user


def test_create_staff_audits_role_organisation_and_area(orgs):
    from django.core.management import call_command

    call_command(
        "create_staff", "--username", "sari", "--password", "Kuat-Sekali-2026",
        "--role", "supervisor", "--org", "t-uptd-bpp", "--area", "64.71",
    )  # fmt: skip
    event = AuditEvent.objects.get(object_type="accounts.user", action="create")
    assert event.area_code == "64.71"
    assert "role=supervisor" in event.reason


def _user_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(object_type="accounts.user"))  # reasons are encrypted


def test_an_email_change_in_the_admin_is_audited_ends_tokens_and_warns_the_old_address(
    personas, mailoutbox, django_capture_on_commit_callbacks
):
    admin = personas["admin_bpp"]
    target = personas["caseworker_bpp"].user
    target.email = "pendamping@example.org"
    target.save()
    raw = token_issue(user=target, name="a")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.client.post(
            change_url(target), change_form_data(target, email="penyerang@example.net")
        )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.email == "penyerang@example.net"
    assert token_authenticate(raw) is None
    assert ApiToken.objects.get(user=target).revoked_reason == "email_changed"
    (event,) = [e for e in _user_events() if e.reason == "email changed"]
    assert event.area_code == "64.71"
    assert event.actor == admin.user
    assert audit_events_visible_to(personas["supervisor_bpp"].user).filter(pk=event.pk).exists()
    (notice,) = mailoutbox
    assert notice.to == ["pendamping@example.org"]
    assert target.username in notice.body
    assert "penyerang@example.net" not in notice.body + notice.subject


def test_an_email_set_where_there_was_none_is_audited_without_a_notice(
    personas, mailoutbox, django_capture_on_commit_callbacks
):
    admin = personas["admin_bpp"]
    target = personas["intake_bpp"].user
    User.objects.filter(pk=target.pk).update(email="")
    target.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        admin.client.post(change_url(target), change_form_data(target, email="baru@example.org"))
    target.refresh_from_db()
    assert target.email == "baru@example.org"
    assert [e for e in _user_events() if e.reason == "email set"]
    assert mailoutbox == []


def test_the_admin_cannot_give_an_account_another_accounts_email(personas):
    admin = personas["admin_bpp"]
    owner, target = personas["supervisor_bpp"].user, personas["caseworker_bpp"].user
    User.objects.filter(pk=owner.pk).update(email="milik@example.org")
    response = admin.client.post(
        change_url(target), change_form_data(target, email="MILIK@example.org")
    )
    assert response.status_code == 200
    assert "sudah dipakai akun lain" in response.content.decode()
    target.refresh_from_db()
    assert target.email != "milik@example.org"


def test_an_unchanged_email_is_not_audited_or_noticed(personas, mailoutbox):
    admin = personas["admin_bpp"]
    target = personas["caseworker_bpp"].user
    raw = token_issue(user=target, name="a")
    admin.client.post(change_url(target), change_form_data(target, first_name="Nama"))
    assert token_authenticate(raw) is not None
    assert not [e for e in _user_events() if e.reason.startswith("email")]
    assert mailoutbox == []
