from django.apps import AppConfig


class DashboardConfig(AppConfig):
    """The first page and the service navigation: the top layer, above every area."""

    name = "dashboard"
    verbose_name = "Dashboard"
