from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _health_section(request, prisoner):
    from .permissions import can_read_clinical

    if not can_read_clinical(request.user, prisoner):
        return None  # absent, not empty, for every role that may not read the file
    return {"woman": prisoner}


class HealthConfig(AppConfig):
    name = "health"
    verbose_name = "Health (Rules 6-18, 48-52)"

    def ready(self):
        from prisoners.sections import Section, register

        from . import parts

        register(
            Section(
                key="health",
                title=_("Health"),
                template="health/_prisoner_section.html",
                context=_health_section,
                order=120,
            )
        )
        parts.register_all()
        _declare_tasks()


def _declare_tasks() -> None:
    """What closes each health task: the record answering it (its title may say nothing of
    her health, and neither does this to anyone outside health staff: an escalated task is
    refused to the governor for being escalated, before any record is named)."""
    from reminders.kinds import answered_by, may_be_marked_done

    from .services.maternity import CONTACT_KINDS

    answered_by(_("the health encounter"), "health.pmtct", "health.substance_programme")
    answered_by(_("the health encounter"), "health.education")
    answered_by(_("the care contact"), *CONTACT_KINDS.values())
    answered_by(_("the observation review"), "health.observation_review")
    answered_by(_("the assessment"), "health.distress_recheck")
    answered_by(_("the post-test counselling"), "health.hiv_post_counselling")
    answered_by(_("the referral, or her choice about it"), "health.abuse_referral")
    answered_by(_("the child's health screening"), "health.child_screening")
    answered_by(_("the child's health check"), "health.child_check")
    may_be_marked_done("health.screening_follow_up")
