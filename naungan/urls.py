from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from naungan.accounts import views as account_views
from naungan.api import api
from naungan.core import views as core_views

# The Django admin signs in through allauth, so its second factor and lockout apply there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
# The staff menu calls it "Konsol admin" (administrators only): the same name on its pages.
admin.site.site_header = _("Konsol admin Naungan")
admin.site.site_title = _("Konsol admin Naungan")
admin.site.index_title = _("Pengguna, organisasi dan pengaturan")
# Passwords change on allauth's page only, where the change also ends the API tokens.
admin.site.password_change = lambda request, extra_context=None: redirect(  # type: ignore[method-assign,assignment,return-value]
    "account_change_password"
)

urlpatterns = [
    path("api/v1/", api.urls),  # first: the public reporting API is the busiest route
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("audit/", core_views.audit_log, name="audit_log"),
    path("", include("naungan.reports.urls")),
    path("", include("naungan.cases.urls")),
    path("", include("naungan.services.urls")),
    path("", include("naungan.training.urls")),
    path("", include("naungan.stats.urls")),
    path("", include("naungan.orgs.urls")),
    path("", include("naungan.community.urls")),
    path("", include("naungan.referrals.urls")),
    path("", include("naungan.risk.urls")),
    path("", include("naungan.offline.urls")),
    path("accounts/tokens/", account_views.tokens, name="tokens"),
    path("accounts/pengaturan/", account_views.preferences, name="preferences"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path(f"{settings.ADMIN_URL}", admin.site.urls),
]

handler404 = "naungan.core.errors.not_found"
handler500 = "naungan.core.errors.server_error"
handler403 = "naungan.core.errors.forbidden"
