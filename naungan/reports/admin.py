from django.contrib import admin

from .models import TriageClock


@admin.register(TriageClock)
class TriageClockAdmin(admin.ModelAdmin):
    """Response clocks per organisation and triage level (configuration, no case content)."""

    list_display = ("organisation", "level", "hours")
    list_filter = ("level",)
    autocomplete_fields = ("organisation",)
