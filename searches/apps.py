from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _searches_section(request, prisoner):
    from .reading import searches_section

    return searches_section(viewer=request.user, prisoner=prisoner)


class SearchesConfig(AppConfig):
    name = "searches"
    verbose_name = "Searches (Rules 19-21)"

    def ready(self):
        from authority.registry import register as register_authority
        from complaints.services import register_adverse_action, stop_by_refusal
        from prisoners.sections import Section, register

        from . import oversight
        from .models import INVASIVE_KINDS
        from .services.searches import AREA, request_search_authority

        register_authority(AREA)
        # A strip or body cavity search asked for after her report (Rules 7.3, 25.1).
        for kind in INVASIVE_KINDS:
            register_adverse_action(
                kind, held_by=request_search_authority, stop=stop_by_refusal(AREA)
            )

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
