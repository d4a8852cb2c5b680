from django.contrib import admin

from .models import Area


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "timezone")
    list_filter = ("level", "timezone")
    search_fields = ("code", "name")
    readonly_fields = ("code", "level", "parent", "province_code", "regency_code", "district_code")
