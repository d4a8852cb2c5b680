"""The pages of the directory of partner providers."""

from django.urls import path

from .views import directory

app_name = "orgs"

urlpatterns = [
    path("mitra/", directory.directory_page, name="directory"),
    path("mitra/<slug:slug>/", directory.provider_page, name="provider"),
]
