from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import ApiToken, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "role", "organisation", "area", "is_active", "last_login")
    list_filter = ("role", "is_active", "organisation__kind")
    autocomplete_fields = ("organisation", "area")
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Naungan", {"fields": ("role", "organisation", "area", "competencies")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        ("Naungan", {"fields": ("role", "organisation", "area")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "user", "last_used_at")
