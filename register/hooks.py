"""What the register of children plugs into the other areas."""

from django.utils.translation import gettext_lazy as _

from prisoners.demo import DemoStep
from prisoners.facts import Fact
from prisoners.sections import Section
from prisoners.services import FlagSource
from reminders.kinds import AnsweredBy, MayBeMarkedDone, opens

from . import figures, oversight, queues
from .demo import children
from .permissions import CHANGE_CHILD
from .reading import children_count, children_section
from .services import FLAG_REASONS, flags_from_register


def _children_section(request, prisoner):
    return children_section(viewer=request.user, mother=prisoner)


PLUGS = (
    *figures.FIGURES,  # the annual statistics (research)
    *queues.QUEUES,
    FlagSource(flags_from_register, area="register", reasons=FLAG_REASONS),
    *oversight.LISTS,
    *oversight.INDICATORS,
    *oversight.ZEROS,
    AnsweredBy(
        _("the best-interests decision"),
        "register.best_interests_review",
        page=opens("register:best-interests", perm=CHANGE_CHILD, of="woman"),
    ),
    AnsweredBy(
        _("the board's decision, or the appeal's outcome"),
        "register.unit_decision",
        page=opens("register:unit-applications", perm=CHANGE_CHILD, of="woman"),
    ),
    # A social worker sees her after her child has left (Rule 52): a visit, no record of its own.
    MayBeMarkedDone("register.separation_follow_up"),
    AnsweredBy(
        _("an outing or nursery, in the child's days"),
        "register.child_outing",
        page=opens("register:child-life", perm=CHANGE_CHILD),
    ),
    AnsweredBy(
        _("where the child lives, in the register"),
        "register.whereabouts_unknown",
        page=opens("register:child-edit", perm=CHANGE_CHILD),
    ),
    Section(
        key="children",
        title=_("Children"),
        template="register/_section.html",
        context=_children_section,
        order=200,
    ),
    DemoStep(order=30, each_woman=children),
    # How many children she has: every case role may know it, never who they are (Rule 3.2).
    Fact("children_count", children_count),
)
