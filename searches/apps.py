from django.apps import AppConfig

from bangkok.hooks import plug


class SearchesConfig(AppConfig):
    name = "searches"
    verbose_name = "Searches (Rules 19-21)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: searches/hooks.py
