"""The search form of the directory of partner providers (a GET form: the search stays in
the URL and works without JavaScript)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.areas.models import Area, AreaLevel

from .. import selectors
from ..models import ServiceType
from ..words import area_text


def _area_choices(areas: list[Area], scope: Area) -> list[Any]:
    """Grouped choices: the whole scope first, then one group per kota/kabupaten (a province
    scope) or per kecamatan (a kota scope) with the places inside it."""
    group_level = AreaLevel.REGENCY if scope.level == AreaLevel.PROVINCE else AreaLevel.DISTRICT
    out: list[Any] = [("", _("Seluruh wilayah saya (%(area)s)") % {"area": area_text(scope)})]
    groups: dict[str, list[tuple[str, str]]] = {}
    heads: dict[str, Area] = {}
    for area in areas:
        if area.code == scope.code:
            continue
        if area.level == group_level:
            heads[area.code] = area
            groups[area.code] = [
                (area.code, str(_("Seluruh %(area)s") % {"area": area_text(area)}))
            ]
            continue
        head = next((h for h in heads if area.code.startswith(h + ".")), None)
        if head is None:
            out.append((area.code, area_text(area)))
        else:
            groups[head].append((area.code, area_text(area)))
    out.extend((area_text(heads[code]), choices) for code, choices in groups.items())
    return out


class DirectoryForm(forms.Form):
    service = forms.ChoiceField(
        label=_("Layanan"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("Pilih layanan dari daftar.")},
    )
    area = forms.ChoiceField(
        label=_("Wilayah"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("Pilih wilayah dari daftar: wilayah kerja Anda.")},
    )
    q = forms.CharField(label=_("Nama mitra"), required=False, max_length=100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.scope = selectors.directory_scope(user)
        service = cast(forms.ChoiceField, self.fields["service"])
        area = cast(forms.ChoiceField, self.fields["area"])
        service.choices = [("", _("Semua layanan")), *ServiceType.choices]
        area.choices = _area_choices(list(selectors.directory_areas(user=user)), self.scope)

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:  # errors next to the field (Bootstrap's invalid state)
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-describedby"] = f"{name}-errors"

    def clean_area(self) -> Area:
        code = self.cleaned_data.get("area") or ""
        if not code:
            return self.scope
        area = Area.objects.filter(code=code).first()
        if area is None:  # pragma: no cover - the choices only offer known areas
            raise forms.ValidationError(_("Pilih wilayah dari daftar."))
        return area
