"""Django's template engine, with the one library the settings load in place of Django's.

The templates' `i18n` is `dashboard.templatetags.words` (`TEMPLATES`' `libraries`): Django's
library with a `{% translate %}` of a literal written once a language. Django's check of
libraries loaded under one name (templates.W003) reports that, as it would a library an app
shadowed by mistake; this engine leaves out exactly that report, and any other stays.
"""

from django.template.backends.django import DjangoTemplates

# The libraries put in place of Django's on purpose: (name, ours, Django's).
REPLACED = [("i18n", "dashboard.templatetags.words", "django.templatetags.i18n")]


def _report(name: str, ours: str, djangos: str) -> str:
    # Django's words for it, the modules in their sorted order.
    modules = ", ".join(repr(module) for module in sorted((ours, djangos)))
    return f"{name!r} is used for multiple template tag modules: {modules}"


class Templates(DjangoTemplates):
    def _check_for_template_tags_with_the_same_name(self):
        meant = {_report(*replaced) for replaced in REPLACED}
        return [
            warning
            for warning in super()._check_for_template_tags_with_the_same_name()
            if warning.msg not in meant
        ]
