from typing import Any

from django.http import HttpRequest


def home_shelter_section(request: HttpRequest) -> dict[str, Any] | None:
    return None
