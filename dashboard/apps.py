from django.apps import AppConfig

from bangkok.hooks import plug


class DashboardConfig(AppConfig):
    """The first page and the service navigation: the top layer, above every area."""

    name = "dashboard"
    verbose_name = "Dashboard"

    def ready(self):
        plug(self)  # it plugs nothing: nothing sits above it
