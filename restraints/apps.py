from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _restraints_section(request, prisoner):
    from .reading import restraints_section

    return restraints_section(viewer=request.user, prisoner=prisoner)


class RestraintsConfig(AppConfig):
    name = "restraints"
    verbose_name = "Instruments of restraint (Rule 24)"

    def ready(self):
        from authority.registry import register as register_authority
        from complaints.services import register_adverse_action, stop_by_refusal
        from health.services.maternity import register_protected_period_watcher
        from oversight.registry import register_list, register_zero
        from prisoners.sections import Section, register
        from prisoners.services import register_flag_watcher
        from reminders.kinds import answered_by, may_be_marked_done

        from . import oversight, services

        register_authority(services.AREA)
        # A planned restraint asked for after her report (Rules 7.3, 25.1).
        register_adverse_action(
            "restraint", held_by=services.apply_restraint, stop=stop_by_refusal(services.AREA)
        )
        register_flag_watcher(services.on_flags_changed)
        answered_by(
            _("the review, removal or decision on the restraint"), *services.CLOSED_BY_THE_RECORD
        )
        # The governor finds out how a restraint overlapped a period recorded later; no record
        # answers that yet, so she marks it done with what she found.
        may_be_marked_done(services.PERIOD_KIND)
        register_protected_period_watcher(services.on_protected_period)
        register(
            Section(
                key="restraints",
                title=_("Restraints"),
                template="restraints/_section.html",
                context=_restraints_section,
                order=340,
            )
        )
        register_list(oversight.RECORDS)
        for zero in oversight.ZEROS:
            register_zero(zero)
