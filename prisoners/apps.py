from django.apps import AppConfig


class PrisonersConfig(AppConfig):
    name = "prisoners"
    verbose_name = "Women in custody"
