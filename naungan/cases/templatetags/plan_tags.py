"""The plan and monitoring section of the case page."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("cases/partials/plan_section.html", takes_context=True)
def case_plan_section(context: template.Context, case: Any) -> dict[str, Any]:
    """The plan in force and the latest monitoring entries, on the case page."""
    from naungan.cases.views.plans import plan_context

    out = plan_context(user=context["user"], case=case)
    out["monitoring"] = out["monitoring"][:3]
    out["zone"] = case.area.timezone
    return out
