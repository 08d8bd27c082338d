from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _discipline_section(request, prisoner):
    from .views.common import section_context

    return section_context(request, prisoner)


class DisciplineConfig(AppConfig):
    name = "discipline"
    verbose_name = "Discipline (Rules 22, 23)"

    def ready(self):
        from authority.registry import register as register_authority
        from complaints.services import register_adverse_action, stop_by_refusal
        from prisoners.sections import Section, register
        from prisoners.services import register_flag_watcher
        from reminders.kinds import answered_by, may_be_marked_done

        from . import oversight
        from .services import charges, contact, segregation
        from .services.charges import (
            carry_out_sanction,
            impose_sanction,
            lay_charge,
            stop_held_charge,
        )
        from .services.contact import carry_out_restriction, restrict_contact
        from .services.segregation import (
            carry_out_segregation,
            segregate,
            watch_protection,
        )

        register_authority(segregation.AREA)
        register_authority(segregation.EXTENSIONS)
        register_authority(charges.SANCTIONS)
        register_authority(contact.RESTRICTIONS)
        register_flag_watcher(watch_protection)
        # Only ending the segregation closes the orders to end it (Rule 22; Mandela 44).
        answered_by(_("the end of the segregation"), segregation.END_NOW_KIND)
        answered_by(_("the end of the segregation"), segregation.ALERT_KIND)
        answered_by(_("its end or extension"), segregation.PLANNED_END_KIND)
        answered_by(_("the daily health visit"), segregation.VISIT_KIND)
        may_be_marked_done(segregation.UNFIT_KIND, segregation.ENDED_AT_LIMIT_KIND)
        register(
            Section(
                key="discipline",
                title=_("Discipline"),
                template="discipline/_section.html",
                context=_discipline_section,
                order=320,
            )
        )
        oversight.register_all()
        # Adverse actions held after her report, carried out once both reviews release them
        # (Rules 7.3, 25.1).
        register_adverse_action("charge", held_by=lay_charge, stop=stop_held_charge)
        for kind in ("sanction", "loss_of_work"):
            register_adverse_action(
                kind,
                carry_out_sanction,
                held_by=impose_sanction,
                stop=stop_by_refusal(charges.SANCTIONS),
            )
        register_adverse_action(
            "segregation",
            carry_out_segregation,
            held_by=segregate,
            stop=stop_by_refusal(segregation.AREA),
        )
        register_adverse_action(
            "segregation_extension",
            held_by=segregation.extend_segregation,
            stop=stop_by_refusal(segregation.EXTENSIONS),
        )
        register_adverse_action(
            "contact_restriction",
            carry_out_restriction,
            held_by=restrict_contact,
            stop=stop_by_refusal(contact.RESTRICTIONS),
        )
