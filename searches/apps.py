from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _searches_section(request, prisoner):
    from .services import searches_section

    return searches_section(viewer=request.user, prisoner=prisoner)


class SearchesConfig(AppConfig):
    name = "searches"
    verbose_name = "Searches (Rules 19-21)"

    def ready(self):
        from authority.registry import register as register_authority
        from prisoners.sections import Section, register

        from . import oversight
        from .services.searches import AREA

        register_authority(AREA)

        register(
            Section(
                key="searches",
                title=_("Searches"),
                template="searches/_section.html",
                context=_searches_section,
                order=300,
            )
        )
        oversight.register_all()
        from reminders.kinds import answered_by

        from .services.training import KIND

        answered_by(_("the renewed training"), KIND)
