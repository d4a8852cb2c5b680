"""Refusals of the offline field app, all ``DomainError``s."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from naungan.core.exceptions import DomainError


class DeviceRevoked(DomainError):
    """The device was revoked: its sync is refused and the page wipes its local queue."""

    status = 403
    default_message: Any = _(
        "Perangkat ini sudah dicabut. Antrian di perangkat ini dihapus; masuk dari perangkat "
        "lain atau minta supervisor mendaftarkannya kembali."
    )


class DeviceNotFound(DomainError):
    status = 404
    default_message: Any = _("Tidak ditemukan.")
