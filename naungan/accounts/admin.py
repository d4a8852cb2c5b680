"""The admin role manages accounts, organisations and configuration, never case content, and
never widens its own access: it cannot change its own role, area, organisation or flags, grant
superuser or permissions, set anyone's password (it can only force a reset the user completes)
or un-revoke a token. Access changes go through ``user_update_access`` (audit, token
revocation), e-mail changes through ``user_email_change`` (audit, token revocation, a notice to
the old address): otherwise changing the address and then forcing a password reset would hand
the account to whoever holds the new address, unseen."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import ApiToken, User
from .services import (
    ACCESS_FIELDS,
    staff_register_from_admin,
    token_revoke_by_admin,
    user_email_change,
    user_force_password_reset,
    user_update_access,
)


class StaffChangeForm(forms.ModelForm):
    """The change form without the password (no hash shown, no link to set one)."""

    class Meta:
        model = User
        fields = [
            "username",
            "first_name",
            "last_name",
            "email",
            "language",
            "role",
            "organisation",
            "area",
            "competencies",
            "is_active",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            self.fields["language"].required = False  # left out: the account keeps its own

    def clean_language(self) -> str:
        return str(self.cleaned_data.get("language") or self.instance.language)

    def clean_email(self) -> str:
        email: str = (self.cleaned_data.get("email") or "").strip()
        if email and User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Alamat e-mail ini sudah dipakai akun lain."))
        return email


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = StaffChangeForm
    list_display = ("username", "role", "organisation", "area", "is_active", "last_login")
    list_filter = ("role", "is_active", "organisation__kind")
    autocomplete_fields = ("organisation", "area")
    fieldsets = (
        (None, {"fields": ("username",)}),
        (_("Data pribadi"), {"fields": ("first_name", "last_name", "email", "language")}),
        (_("Akses"), {"fields": ("role", "organisation", "area", "competencies", "is_active")}),
        (
            _("Status"),
            {"fields": ("is_staff", "is_superuser", "groups", "last_login", "date_joined")},
        ),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        ("Naungan", {"fields": ("role", "organisation", "area")}),
    )
    filter_horizontal = ()
    actions = ["force_password_reset"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ()
        readonly = ["is_staff", "is_superuser", "groups", "last_login", "date_joined"]
        if obj.pk == request.user.pk:
            readonly += ["role", "area", "organisation", "is_active"]
        return readonly

    def get_urls(self) -> list[Any]:
        # No page on which an administrator sets someone's password.
        return [u for u in super().get_urls() if not str(u.name or "").endswith("_password_change")]

    def user_change_password(self, request: HttpRequest, id: Any, form_url: str = "") -> Any:
        raise Http404

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        actor: User = request.user  # type: ignore[assignment]
        if not change:
            staff_register_from_admin(actor=actor, user=obj, request=request)
            return
        wanted = {f: form.cleaned_data[f] for f in ACCESS_FIELDS if f in form.changed_data}
        email = form.cleaned_data.get("email", "") if "email" in form.changed_data else None
        original = User.objects.get(pk=obj.pk)
        for field in [*wanted, "email"]:
            setattr(obj, field, getattr(original, field))
        obj.save()
        user_update_access(actor=actor, user=obj, request=request, **wanted)
        if email is not None:
            user_email_change(actor=actor, user=obj, email=email, request=request)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # groups are read-only: nothing to save besides inlines.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description=_("Paksa atur ulang kata sandi (kirim e-mail atur ulang)"))
    def force_password_reset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        """Counts accounts and mails apart: an account without an e-mail address has its
        password disabled but gets no reset link, and the administrator is told which."""
        reset, unmailed = 0, []
        for user in queryset.exclude(pk=request.user.pk or 0).order_by("username"):
            mailed = user_force_password_reset(
                actor=request.user,  # type: ignore[arg-type]
                user=user,
                request=request,
            )
            reset += 1
            if not mailed:
                unmailed.append(user.get_username())
        if queryset.filter(pk=request.user.pk or 0).exists():
            messages.warning(request, _("Ganti kata sandi Anda sendiri di halaman akun Anda."))
        if reset:
            sent = reset - len(unmailed)
            messages.success(
                request,
                ngettext(
                    "Kata sandi %(n)d akun dinonaktifkan.",
                    "Kata sandi %(n)d akun dinonaktifkan.",
                    reset,
                )
                % {"n": reset}
                + " "
                + ngettext(
                    "%(sent)d e-mail atur ulang dikirim.",
                    "%(sent)d e-mail atur ulang dikirim.",
                    sent,
                )
                % {"sent": sent},
            )
        if unmailed:
            messages.warning(
                request,
                _(
                    "Akun tanpa alamat e-mail tidak menerima tautan atur ulang: %(names)s. "
                    "Isi alamat e-mailnya, lalu paksa atur ulang sekali lagi."
                )
                % {"names": ", ".join(unmailed)},
            )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = (
        "prefix",
        "user",
        "name",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )
    readonly_fields = (
        "prefix",
        "user",
        "name",
        "last_used_at",
        "expires_at",
        "revoked_at",
        "revoked_reason",
    )
    exclude = ("digest",)
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A token made here would let an administrator act as its owner.
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Cabut token terpilih"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> HttpResponse | None:
        n = sum(
            token_revoke_by_admin(actor=request.user, token=t)  # type: ignore[arg-type]
            for t in queryset
        )
        messages.success(
            request, ngettext("%(n)d token dicabut.", "%(n)d token dicabut.", n) % {"n": n}
        )
        return None
