from django.apps import AppConfig

from bangkok.hooks import plug


class FacilitiesConfig(AppConfig):
    name = "facilities"
    verbose_name = "Facilities"

    def ready(self):
        plug(self)  # it plugs nothing: the facilities sit below every area
