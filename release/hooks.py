"""What her way home plugs into the other areas: the checks at release (admissions), the
tasks it sets and what closes them, her page's section, oversight lists and the demo."""

from functools import cache

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from admissions.models import Admission
from admissions.services import ReleaseCheck
from prisoners.demo import DemoStep
from prisoners.sections import Section
from reminders.kinds import AnsweredBy, opens

from . import demo, oversight, services
from .permissions import KEEP, RECORD_HEALTH, VIEW
from .reading import release_section


def _shown(request, prisoner) -> bool | Q:
    """For those who read release plans, once she has an episode (asked of her row)."""
    return request.user.has_perm(VIEW) and _has_an_episode()


@cache
def _has_an_episode() -> Q:
    """The same condition each time: her page compiles its query once for it."""
    return Q(Exists(Admission.objects.filter(prisoner=OuterRef("pk"))))


def _section(request, prisoner):
    return release_section(viewer=request.user, prisoner=prisoner)


PLUGS = (
    # She doesn't leave with health continuity incomplete without a recorded reason (Rule 46),
    # nor without her copy of her records handed over or refused (Mandela 9).
    ReleaseCheck(services.health_continuity_check),
    ReleaseCheck(services.records_copy_check),
    AnsweredBy(
        _("her release plan, started"),
        services.START_KIND,
        page=opens("release:plan", perm=KEEP),
    ),
    AnsweredBy(
        _("her health continuity, handed over"),
        services.HEALTH_KIND,
        page=opens("release:plan", perm=RECORD_HEALTH, section="health"),
    ),
    AnsweredBy(
        _("every section of her release plan done"),
        services.COMPLETE_KIND,
        page=opens("release:plan", perm=KEEP, section="plan"),
    ),
    *oversight.LISTS,
    *oversight.INDICATORS,
    Section(
        key="release",
        title=_("Release (Rules 45-47)"),
        template="release/_section.html",
        context=_section,
        shown=_shown,
        order=190,
    ),
    DemoStep(order=35, each_woman=demo.before_release),
    # Last: each area's demo has done what it does with the women still in custody.
    DemoStep(order=200, run=demo.ways_home),
)
