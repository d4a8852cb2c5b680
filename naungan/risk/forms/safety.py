"""The safety plan form: the parts of DESIGN §8 in plain words, and the review date."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from naungan.core.widgets import DateInput

from ..models.safety import PLAN_FIELDS

HELP = {
    "safe_places": _("Ke mana bisa pergi bila tidak aman di rumah."),
    "contacts": _("Siapa yang bisa dihubungi, dan nomornya bila korban setuju dicatat."),
    "code_word": _("Kata atau tanda untuk meminta tolong tanpa diketahui pelaku."),
    "emergency_bag": _("Pakaian, obat, uang, KTP, KK, akta, buku tabungan; di mana disimpan."),
    "escape_routes": _("Pintu dan jalan keluar dari rumah, dan ke mana setelahnya."),
    "children": _("Apa yang dilakukan anak-anak, siapa menjemput mereka."),
    "phone_safety": _("Kata sandi ponsel, lokasi, riwayat pesan, akun media sosial."),
    "protection_steps": _("Laporan polisi, perintah perlindungan, LPSK, langkah lain."),
    "hotlines": _("Mis. SAPA 129, polisi 110, hotline UPTD PPA."),
}


class SafetyPlanForm(forms.Form):
    review_on = forms.DateField(label=_("Tanggal tinjauan"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from ..models import SafetyPlan

        for name in PLAN_FIELDS:
            field = SafetyPlan._meta.get_field(name)
            self.fields[name] = forms.CharField(
                label=str(getattr(field, "verbose_name", name)),
                required=False,
                max_length=200 if name == "code_word" else 5000,
                help_text=HELP[name],
                widget=forms.TextInput()
                if name == "code_word"
                else forms.Textarea(attrs={"rows": 2}),
            )

    def parts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in PLAN_FIELDS}
