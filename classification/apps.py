from django.apps import AppConfig

from bangkok.hooks import plug


class ClassificationConfig(AppConfig):
    name = "classification"
    verbose_name = "Classification (Rules 40, 41)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: classification/hooks.py
