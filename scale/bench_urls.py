"""The benchmark's address book: the app's own routes, plus the default Django admin
changelist of the women's table (QUALITY.md P5 compares our list with it).

Only the benchmark's own process uses this (`override_settings(ROOT_URLCONF=...)`): the app
never registers a case record in the admin (`register/tests/test_admin_door.py`), and this
admin site is never served.
"""

from django.contrib import admin
from django.urls import path

from bangkok.urls import urlpatterns as app
from prisoners.models import Prisoner


class MeasuredAdmin(admin.AdminSite):
    """Django's admin site, entered by the member of staff the benchmark signs in as."""

    def has_permission(self, request):
        return request.user.is_active


site = MeasuredAdmin(name="measured-admin")
site.register(Prisoner)  # the default ModelAdmin: 100 a page, counted, in the model's order

urlpatterns = [path("measured-admin/", site.urls), *app]
