"""What the self-harm area plugs into the other areas."""

from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from bangkok.hooks import Receiver
from health.hooks import FilePart
from health.models import ObservationDecision
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from reminders.kinds import AnsweredBy, opens

from . import demo, oversight, queues, services
from .reading import file_part, selfharm_section


def _section(request, prisoner):
    return selfharm_section(viewer=request.user, prisoner=prisoner)


PLUGS = (
    # Rule 8: the clinical part of her incidents, in her clinical file with the rest of it.
    FilePart(key="selfharm", template="selfharm/_file_part.html", context=file_part, order=45),
    # Each task closes only by the record that answers it.
    AnsweredBy(
        _("the self-harm risk assessment"),
        services.ASSESSMENT_KIND,
        page=opens("selfharm:assess", perm=services.ASSESS),
    ),
    AnsweredBy(
        _("the review of her self-harm case"),
        services.REVIEW_KIND,
        page=opens("selfharm:review", perm=services.REVIEW),
    ),
    AnsweredBy(
        _("the check after her self-harm case closed"),
        services.CHECK_KIND,
        page=opens("selfharm:check", perm=services.CHECK),
    ),
    AnsweredBy(
        _("the clinical part of the incident"),
        services.CLINICAL_KIND,
        page=opens("selfharm:clinical", perm=services.CLINICAL),
    ),
    # Health staff's own decision of her observation level answers this one.
    AnsweredBy(
        _("her observation level"),
        services.OBSERVATION_KIND,
        page=opens("health:set-observation", perm="health.record_clinical", of="woman"),
    ),
    Receiver(
        post_save,
        services.on_observation_decided,
        sender=ObservationDecision,
        dispatch_uid="selfharm.observation_decided",
    ),
    Section(
        key="selfharm",
        title=_("Self-harm and suicide risk"),
        template="selfharm/_section.html",
        context=_section,
        shown=holds(services.VIEW),
        order=347,
    ),
    queues.CASES,
    *oversight.LISTS,
    *oversight.INDICATORS,
    *oversight.ZEROS,
    DemoStep(order=146, run=demo.seed),
)
