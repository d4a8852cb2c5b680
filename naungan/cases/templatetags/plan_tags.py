"""Template helpers of the plan/monitoring section on the case page and the notice badge."""

from __future__ import annotations

from typing import Any

from django import template

from naungan.cases import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: template.Context) -> int:
    """How many unread notices the signed-in user has (the nav badge)."""
    user = context.get("user")
    if user is None or not getattr(user, "is_authenticated", False):
        return 0
    return selectors.notifications_unread_count(user=user)


@register.inclusion_tag("cases/partials/plan_section.html", takes_context=True)
def case_plan_section(context: template.Context, case: Any) -> dict[str, Any]:
    """The plan in force and the latest monitoring entries, on the case page."""
    from naungan.cases.views.plans import plan_context

    out = plan_context(user=context["user"], case=case)
    out["monitoring"] = out["monitoring"][:3]
    out["zone"] = case.area.timezone
    return out
