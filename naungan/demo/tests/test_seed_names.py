from __future__ import annotations

from naungan.accounts.models import User
from naungan.demo.seed import USERS, seed_demo


def test_every_demo_user_has_a_name_that_pages_show(db):
    """Pages name people, not accounts (issue 11): the demo's people have names."""
    seed_demo()
    users = User.objects.filter(username__in=[u for u, *_rest in USERS])
    assert users.count() == len(USERS)
    assert all(u.get_full_name() and u.get_full_name() != u.username for u in users)
