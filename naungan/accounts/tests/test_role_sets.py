"""The access decorator refuses every role outside its set exactly as a missing page, in HTML
and in the API; templates ask the same sets."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.template import Context, Template

from naungan.accounts.access import api_role_required, role_required
from naungan.accounts.models import Role
from naungan.accounts.roles import ROLE_SETS, user_in


def _ok(request):
    return HttpResponse("ok")


@pytest.mark.parametrize("set_name", sorted(ROLE_SETS))
@pytest.mark.parametrize("role", Role.values)
def test_the_decorator_lets_in_exactly_the_roles_of_its_set(rf, make_user, set_name, role):
    roles = ROLE_SETS[set_name]
    user = make_user(role)
    for decorate in (role_required, api_role_required):
        request = rf.get("/x")
        request.user = user
        view = decorate(roles)(_ok)
        if role in roles:
            assert view(request).status_code == 200
        else:
            with pytest.raises(Http404):
                view(request)


def test_an_anonymous_visitor_is_sent_to_sign_in(rf):
    request = rf.get("/kasus/")
    request.user = AnonymousUser()
    response = role_required(ROLE_SETS["CASE_ROLES"])(_ok)(request)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_deactivated_user_is_in_no_set(make_user):
    user = make_user("supervisor")
    user.is_active = False
    assert not any(user_in(user, roles) for roles in ROLE_SETS.values())


@pytest.mark.parametrize("role", Role.values)
def test_templates_ask_the_same_sets(make_user, role):
    user = make_user(role)
    out = Template('{% load roles %}{% if user|in_roles:"CASE_CREATORS" %}yes{% endif %}').render(
        Context({"user": user})
    )
    assert (out == "yes") == (role in ROLE_SETS["CASE_CREATORS"])
