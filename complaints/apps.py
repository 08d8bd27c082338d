from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _complaints_section(request, prisoner):
    from .reading import complaints_section

    return complaints_section(viewer=request.user, prisoner=prisoner)


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints and abuse reports (Rules 7 and 25)"

    def ready(self):
        from prisoners.sections import Section, register

        from .oversight import register_oversight

        register(
            Section(
                key="complaints",
                title=_("Complaints and reports (Rules 7, 25)"),
                template="complaints/_section.html",
                context=_complaints_section,
                order=400,
            )
        )
        register_oversight()
        _declare_tasks()


def _declare_tasks() -> None:
    from reminders.kinds import answered_by, may_be_marked_done

    from .services.retaliation import HELD_TASK

    answered_by(_("the acknowledgement or the answer"), "complaints.acknowledge")
    answered_by(_("the answer to the complaint"), "complaints.reply")
    answered_by(_("her protection plan"), "complaints.plan")
    answered_by(_("the offer of psychological support"), "complaints.support")
    answered_by(_("the referral to the competent authority"), "complaints.referral")
    answered_by(_("the review of the held action"), HELD_TASK)
    may_be_marked_done("complaints.medical", "safeguarding.record_opened")
