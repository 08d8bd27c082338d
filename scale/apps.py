from django.apps import AppConfig

from bangkok.hooks import plug


class ScaleConfig(AppConfig):
    name = "scale"
    verbose_name = "National and world scale: the dataset generator and the benchmark"

    def ready(self):
        plug(self)  # it plugs nothing into the areas; no area imports it
