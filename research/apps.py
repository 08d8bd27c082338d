from django.apps import AppConfig

from bangkok.hooks import plug


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = "Research and statistics (Rules 67-70)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: research/hooks.py
