from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _visits_section(request, prisoner):
    from .sections import section_context

    return section_context(request, prisoner)


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = "Visits and family contact (Rules 26-28, 43, 44)"

    def ready(self):
        from prisoners.sections import Section, register

        from . import oversight

        register(
            Section(
                key="visits",
                title=_("Visits and family contact"),
                template="visits/_section.html",
                context=_visits_section,
                order=250,
            )
        )
        oversight.register_all()
        from reminders.kinds import answered_by

        answered_by(_("a family visit held or a contact"), "visits.family_contact")
        answered_by(_("a visit with children held"), "visits.child_visit")
