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
