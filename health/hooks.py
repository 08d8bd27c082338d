"""What health plugs into the other areas: her page's health section, the parts of the
clinical file page, the protection flags her clinical records call for, the screening of a
child on the register who lives with her, and what closes each health task."""

from django.utils.translation import gettext_lazy as _

from prisoners.demo import DemoStep
from prisoners.sections import Section
from prisoners.services import FlagSource
from register.services import ChildWatcher, SeparationWatcher
from reminders.kinds import AnsweredBy, MayBeMarkedDone, opens

from . import demo, figures, oversight, queues
from .permissions import RECORD, can_read_clinical

# Other areas declare their parts of her clinical file with `FilePart`, from here (a module
# the areas may import): self-harm incidents' clinical parts (`selfharm.hooks`).
from .sections import FilePart
from .services import care, maternity, preventive
from .services.screening import child_living_with_her
from .views import care as care_views
from .views import maternity as maternity_views
from .views import preventive as preventive_views
from .views import screening as screening_views


def _sees_health(request, prisoner) -> bool:
    return can_read_clinical(request.user, prisoner)


def _health_section(request, prisoner):
    if not _sees_health(request, prisoner):
        return None  # absent, not empty, for every role that may not read the file
    return {"woman": prisoner}


def in_file(section: str, step: str = ""):
    """Her clinical file at `section`, for health staff who record in it (Rule 8)."""
    return opens("health:file", perm=RECORD, of="woman", section=section, step=step)


PLUGS = (
    *figures.FIGURES,  # the annual statistics (research)
    *queues.QUEUES,
    *oversight.INDICATORS,
    Section(
        key="health",
        title=_("Health"),
        template="health/_prisoner_section.html",
        context=_health_section,
        shown=_sees_health,
        order=120,
    ),
    FilePart(
        key="screening",
        template="health/_screening.html",
        context=screening_views.file_part,
        order=10,
    ),
    FilePart(
        key="maternity",
        template="health/_maternity.html",
        context=maternity_views.file_part,
        order=20,
    ),
    FilePart(
        key="preventive",
        template="health/_preventive.html",
        context=preventive_views.file_part,
        order=30,
    ),
    FilePart(key="care", template="health/_care.html", context=care_views.file_part, order=40),
    FlagSource(care.derive_flags, area="health", reasons=care.FLAG_REASONS),
    FlagSource(maternity.derive_flags, area="health", reasons=maternity.FLAG_REASONS),
    # The register says where a child lives: one living with her is screened (Rule 9).
    ChildWatcher(child_living_with_her),
    # Her child has left prison: a time of particular distress, she is seen (Rule 13).
    SeparationWatcher(care.separated_from_her_child),
    # What closes each health task: the record answering it (its title may say nothing of
    # her health, and neither does this to anyone outside health staff: an escalated task is
    # refused to the governor for being escalated, before any record is named).
    # Each is recorded in her clinical file, at its part (the form open where it has one).
    AnsweredBy(
        _("the health encounter"),
        "health.pmtct",
        "health.substance_programme",
        "health.education",
        page=in_file("encounters", step="encounter"),
    ),
    AnsweredBy(_("the care contact"), *maternity.CONTACT_KINDS.values(), page=in_file("maternity")),
    AnsweredBy(
        _("the observation review"),
        "health.observation_review",
        page=in_file("mental-health", step="observation"),
    ),
    AnsweredBy(
        _("the assessment"),
        "health.distress_recheck",
        page=in_file("mental-health", step="assessment"),
    ),
    AnsweredBy(_("the post-test counselling"), "health.hiv_post_counselling", page=in_file("hiv")),
    AnsweredBy(
        _("the referral, or her choice about it"),
        "health.abuse_referral",
        page=in_file("disclosures"),
    ),
    AnsweredBy(
        _("the child's health screening"), "health.child_screening", page=in_file("children")
    ),
    AnsweredBy(_("the child's health check"), "health.child_check", page=in_file("children")),
    MayBeMarkedDone("health.screening_follow_up"),
    AnsweredBy(_("its outcome"), preventive.FOLLOW_UP_KIND, page=in_file("preventive")),
    MayBeMarkedDone("health.preventive"),
    # The demonstration: her health records once her admission has gone as far as it goes.
    DemoStep(order=50, each_woman=demo.health),
)
