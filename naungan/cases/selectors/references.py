"""Records a request names by their public key: a user by username, a unit by slug, an area by
code. ``None`` when there is none; the caller names the field in error (422). Who may act on
them is the service's rule."""

from __future__ import annotations

from naungan.accounts.models import User
from naungan.areas.models import Area
from naungan.orgs.models import Organisation


def user_by_username(username: str) -> User | None:
    return User.objects.filter(username=username).select_related("area").first()


def organisation_by_slug(slug: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slug).first()


def area_by_code(code: str) -> Area | None:
    return Area.objects.filter(code=code.strip()).first()
