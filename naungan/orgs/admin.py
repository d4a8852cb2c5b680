from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import EligibilityDocument, Organisation, ServiceType
from .words import services_text


class OrganisationAdminForm(forms.ModelForm):
    """The JSON lists of codes as check boxes in words; the shelter's encrypted address is not
    part of the form (``create_org --confidential-address`` sets it)."""

    services = forms.MultipleChoiceField(
        label=_("layanan"),
        choices=ServiceType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    eligibility_documents = forms.MultipleChoiceField(
        label=_("dokumen syarat (salah satu)"),
        choices=EligibilityDocument.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Klien cukup membawa salah satu dokumen yang dicentang."),
    )

    class Meta:
        model = Organisation
        fields = (
            "slug", "name", "kind", "provider_type", "area", "parent", "active", "services",
            "coverage", "hours", "phone", "email", "website", "address", "eligibility",
            "eligibility_documents", "capacity", "capacity_notes",
        )  # fmt: skip


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ("name", "slug", "kind", "provider_type", "area", "services_words", "active")
    list_filter = ("kind", "provider_type", "active")
    search_fields = ("name", "slug")
    autocomplete_fields = ("area", "parent")
    filter_horizontal = ("coverage",)
    exclude = ("confidential_address",)
    fieldsets = (
        (None, {"fields": ("slug", "name", "kind", "provider_type", "area", "parent", "active")}),
        (
            _("Direktori mitra"),
            {
                "fields": (
                    "services",
                    "coverage",
                    "hours",
                    "phone",
                    "email",
                    "website",
                    "address",
                    "eligibility",
                    "eligibility_documents",
                    "capacity",
                    "capacity_notes",
                )
            },
        ),
    )

    @admin.display(description=_("layanan"))
    def services_words(self, obj: Organisation) -> str:
        return services_text(obj.services)

    def get_queryset(self, request: Any) -> Any:
        # The change list never decrypts the shelter's address.
        return super().get_queryset(request).defer("confidential_address").select_related("area")
