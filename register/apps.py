from django.apps import AppConfig

from bangkok.hooks import plug


class RegisterConfig(AppConfig):
    name = "register"
    verbose_name = "Register of children (Rule 3)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: register/hooks.py
