"""Django's makemessages, also reading `_lazy(...)`: modules that use `_` for gettext import
gettext_lazy as `_lazy`, and xgettext knows neither alias unless told."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_lazy"]
