from django.apps import AppConfig


class SigninConfig(AppConfig):
    name = "signin"
    verbose_name = "Sign-in and API tokens"

    def ready(self):
        from . import (
            receivers,  # noqa: F401  (connects to staff.signals.credentials_changed)
            schema,  # noqa: F401  (describes the authentication classes in the OpenAPI schema)
        )
