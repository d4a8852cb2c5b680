from typing import Any

from django.http import HttpRequest


def case_services_section(request: HttpRequest, case: Any) -> dict[str, Any] | None:
    return None
