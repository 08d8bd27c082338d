from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _visits_section(request, prisoner):
    from .sections import section_context

    return section_context(request, prisoner)


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = "Visits and family contact (Rules 26-28, 43, 44)"

    def ready(self):
        from authority.registry import register as register_authority
        from complaints.services import register_adverse_action, stop_by_refusal
        from prisoners.sections import Section, register

        from . import oversight
        from .services import prison

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
        # What the prison does to her family contact awaits a governor (Rule 43; Mandela
        # 43.3), and waits for both reviews after her report (Rules 7.3, 25.1).
        for area, kind, held_by in (
            (prison.CANCELLATIONS, "visit_cancellation", prison.ask_to_cancel_visit),
            (prison.WITHDRAWALS, "visitor_withdrawal", prison.ask_to_withdraw_visitor),
        ):
            register_authority(area)
            register_adverse_action(kind, held_by=held_by, stop=stop_by_refusal(area))
