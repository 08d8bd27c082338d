"""What admissions plugs into the other areas."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bangkok.dates import during
from complaints.services import AdverseAction, stop_by_refusal
from oversight.registry import RecordList, Row
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from register.permissions import StillEntering
from reminders.kinds import AnsweredBy, MayBeMarkedDone, opens

from . import demo, figures, oversight, queues
from .models import Admission, Stage
from .permissions import ADMIT
from .reading import READ_ALLOCATION, admission_section, allocation_section, family_section
from .services import READ_FAMILY, TRANSFERS, carry_out_transfer, propose_transfer


def _admission_section(request, prisoner):
    return admission_section(viewer=request.user, prisoner=prisoner)


def _allocation_section(request, prisoner):
    return allocation_section(viewer=request.user, prisoner=prisoner)


def _family_section(request, prisoner):
    return family_section(viewer=request.user, prisoner=prisoner)


def _admissions_in(facilities, start, end):
    return Admission.objects.filter(
        facility__in=facilities, **during("admitted_at", start, end)
    ).select_related("prisoner")


def _admission_row(admission):
    what = _("Admitted") if admission.completed_at else _("Admitted; still in reception")
    return Row(
        admission.uuid,
        admission.admitted_at,
        admission.prisoner,
        str(what),
        reverse("admissions:detail", args=[admission.uuid]),
    )


def _in_reception(prisoner) -> bool:
    """Her children are still being entered while her admission is in reception (Rule 2.2)."""
    return Admission.objects.filter(prisoner=prisoner, stage=Stage.RECEPTION).exists()


PLUGS = (
    *figures.FIGURES,  # the annual statistics (research)
    *oversight.INDICATORS,
    # Reception corrects the children it entered until she leaves reception.
    StillEntering(_in_reception),
    *queues.QUEUES,
    RecordList(
        key="admissions",
        title=_("Admissions"),
        rules="2, 4; Mandela 7",
        perm="admissions.view_admission",
        records=_admissions_in,
        row=_admission_row,
        order=10,
        day="admitted_at",
        keyset=("-admitted_at", "-id"),
    ),
    TRANSFERS,
    # A transfer proposed after her report (Rules 7.3, 25.1): its confirmation waits.
    AdverseAction(
        "transfer",
        carry_out_transfer,
        held_by=propose_transfer,
        stop=stop_by_refusal(TRANSFERS),
    ),
    AnsweredBy(
        _("the entry health screening"),
        "health.entry_screening",
        # Her clinical file, where health staff start it (Rule 8).
        page=opens("health:file", perm="health.record_clinical", of="woman", section="screening"),
    ),
    AnsweredBy(
        _("her answer to the offer of consular contact"),
        "admission.consular",
        page=opens("admissions:detail", perm=ADMIT, section="right-consular"),
    ),
    AnsweredBy(_("the decision on her request"), "admission.suspension_follow_up"),
    # Seen at once by health staff (Mandela 7(d)): no record of its own answers it.
    MayBeMarkedDone("health.injuries_at_reception"),
    Section(
        key="admission",
        title=_("Admission"),
        template="admissions/_section.html",
        context=_admission_section,
        order=100,
    ),
    Section(
        key="allocation",
        title=_("Allocation (Rule 4)"),
        template="admissions/_allocation.html",
        context=_allocation_section,
        shown=holds(READ_ALLOCATION),
        order=150,
    ),
    Section(
        key="family",
        title=_("Family, emergency contact and next of kin"),
        template="admissions/_family.html",
        context=_family_section,
        shown=holds(READ_FAMILY),
        order=180,
    ),
    # The demonstration: she arrives through reception, then her admission goes on once the
    # register has her children.
    DemoStep(order=10, each_woman=demo.admit),
    DemoStep(order=40, each_woman=demo.progress),
)
