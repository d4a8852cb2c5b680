"""Administrators manage instruments (DESIGN §1: "instruments, settings; no case content"): a
new version is added, never edited or deleted; a unit sets its own lower DASH band. Case data
(assessments, conferences, plans) is not in the admin."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Instrument, InstrumentVersion, OrganisationBands


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ("key", "name_id", "name_en")
    readonly_fields = ("key",)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(InstrumentVersion)
class InstrumentVersionAdmin(admin.ModelAdmin):
    """Add only: a saved version is what past assessments were scored with."""

    list_display = ("instrument", "number", "rule", "high_threshold", "created_at")
    list_filter = ("instrument",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(OrganisationBands)
class OrganisationBandsAdmin(admin.ModelAdmin):
    list_display = ("organisation", "instrument", "medium_from")
