from django.apps import AppConfig

from bangkok.hooks import plug


class AuthorityConfig(AppConfig):
    name = "authority"
    verbose_name = "Authority given by the person who holds it"

    def ready(self):
        plug(self)  # what it plugs into the other areas: authority/hooks.py
