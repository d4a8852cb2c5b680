from django.contrib import admin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "kind", "provider_type", "area", "active")
    list_filter = ("kind", "provider_type", "active")
    search_fields = ("name", "slug")
    autocomplete_fields = ("area", "parent")
    filter_horizontal = ("coverage",)
    exclude = ("confidential_address",)
