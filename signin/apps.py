from django.apps import AppConfig

from bangkok.hooks import plug


class SigninConfig(AppConfig):
    name = "signin"
    verbose_name = "Sign-in and API tokens"

    def ready(self):
        plug(self)  # what it plugs into the other areas: signin/hooks.py
