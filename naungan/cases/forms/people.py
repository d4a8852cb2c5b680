"""A party of a case: adding one after the case was opened, correcting it, removing it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.cases.forms.cases import BLANK
from naungan.cases.models import (
    Case,
    CaseParty,
    Education,
    MaritalStatus,
    PartyRole,
    Place,
    Relationship,
    Sex,
    ViolenceType,
)
from naungan.cases.selectors import case_party_list
from naungan.cases.services import PersonIn
from naungan.core.widgets import DateInput

# The fields only one role records, by role (the others are the person's own).
ROLE_FIELDS = {
    PartyRole.VICTIM: ("violence_types", "place"),
    PartyRole.PERPETRATOR: ("relationship",),
    PartyRole.GUARDIAN: ("guardian_of",),
}
ALL_ROLE_FIELDS = tuple(f for fields in ROLE_FIELDS.values() for f in fields)


class PartyForm(forms.Form):
    """The person's details and what their role records. Adding: the role is chosen and a
    found person may be linked (``link_person``); correcting: the role is fixed and only its
    own fields are shown."""

    role = forms.ChoiceField(label=_("Peran dalam kasus"), choices=PartyRole.choices)
    name = forms.CharField(label=_("Nama"), max_length=200, required=False)
    age = forms.IntegerField(label=_("Usia"), min_value=0, max_value=130, required=False)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=BLANK + Sex.choices, required=False)
    birth_date = forms.DateField(label=_("Tanggal lahir"), required=False, widget=DateInput())
    nik = forms.CharField(
        label=_("NIK"), max_length=40, required=False, help_text=_("16 angka, bila diketahui.")
    )
    phone = forms.CharField(label=_("Telepon"), max_length=40, required=False)
    address = forms.CharField(
        label=_("Alamat"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    disability = forms.BooleanField(label=_("Penyandang disabilitas"), required=False)
    education = forms.ChoiceField(
        label=_("Pendidikan"), choices=BLANK + Education.choices, required=False
    )
    occupation = forms.CharField(label=_("Pekerjaan"), max_length=100, required=False)
    marital_status = forms.ChoiceField(
        label=_("Status perkawinan"), choices=BLANK + MaritalStatus.choices, required=False
    )
    violence_types = forms.MultipleChoiceField(
        label=_("Jenis kekerasan yang dialami"),
        choices=ViolenceType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Jenis baru ikut menjadi jenis kekerasan kasus."),
    )
    place = forms.ChoiceField(
        label=_("Tempat kejadian"), choices=BLANK + Place.choices, required=False
    )
    relationship = forms.ChoiceField(
        label=_("Hubungan dengan korban"), choices=BLANK + Relationship.choices, required=False
    )
    guardian_of = forms.ChoiceField(label=_("Wali dari korban"), choices=[], required=False)
    link_person = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, case: Case, party: CaseParty | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.party = party
        victims = [p for p in case_party_list(case=case) if p.role == PartyRole.VICTIM]
        if party is not None:
            victims = [p for p in victims if p.pk != party.pk]
        guardian = self.fields["guardian_of"]
        assert isinstance(guardian, forms.ChoiceField)
        guardian.choices = BLANK + [
            (str(p.public_id), p.person.name or _("Korban tanpa nama")) for p in victims
        ]
        if party is not None:
            # The role stays (remove the party and add it again to change it); only its own
            # fields are shown, and nobody is linked in its place.
            for name in ("role", "link_person", *ALL_ROLE_FIELDS):
                if name not in ROLE_FIELDS.get(PartyRole(party.role), ()):
                    del self.fields[name]

    @classmethod
    def initial_for(cls, party: CaseParty) -> dict[str, Any]:
        """The form's values from the stored party and person."""
        person = party.person
        return {
            "name": person.name,
            "age": person.age,
            "sex": person.sex,
            "birth_date": person.birth_date or None,
            "nik": person.nik,
            "phone": person.phone,
            "address": person.address,
            "disability": person.disability,
            "education": person.education,
            "occupation": person.occupation,
            "marital_status": person.marital_status,
            "violence_types": party.violence_types,
            "place": party.place,
            "relationship": party.relationship,
            "guardian_of": str(party.guardian_of.public_id) if party.guardian_of else "",
        }

    @property
    def role_value(self) -> str:
        return self.party.role if self.party is not None else self.cleaned_data["role"]

    def to_person(self) -> PersonIn:
        """The service input (``link_person`` becomes ``person_id``)."""
        d = self.cleaned_data
        link = d.get("link_person")
        return PersonIn(
            person_id=str(link) if link else None,
            name=d["name"],
            age=d["age"],
            sex=d["sex"],
            birth_date=d["birth_date"],
            nik=d["nik"],
            phone=d["phone"],
            address=d["address"],
            disability=d["disability"],
            education=d["education"],
            occupation=d["occupation"],
            marital_status=d["marital_status"],
            violence_types=list(d.get("violence_types") or []),
            place=d.get("place") or "",
            relationship=d.get("relationship") or "",
        )


class PartyRemoveForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan menghapus"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mis. salah input, orang yang sama tercatat dua kali."),
    )
