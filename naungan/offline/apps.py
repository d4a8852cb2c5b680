from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    """The activists' offline field app (a progressive web app over the community pages):
    the service worker, the session-authenticated sync and the devices that sync."""

    name = "naungan.offline"
    label = "offline"
    verbose_name = _("Aplikasi luring")
