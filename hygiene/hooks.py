"""What the hygiene area plugs into the others."""

from django.utils.translation import gettext_lazy as _

from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from reminders.kinds import AnsweredBy

from . import demo, oversight, services
from .permissions import GRANT, ISSUE, VIEW_ENTITLEMENTS


def _section(request, prisoner):
    user = request.user
    if not user.has_perm(VIEW_ENTITLEMENTS):
        return None
    current = services.shown_all(
        user, services.her_entitlements(prisoner).filter(ended_at__isnull=True)
    )
    return {
        "woman": prisoner,
        "entitlements": current,
        "can_issue": user.has_perm(ISSUE),
        "can_grant": user.has_perm(GRANT),
    }


PLUGS = (
    *oversight.LISTS,
    *oversight.INDICATORS,
    *oversight.ZEROS,
    AnsweredBy(_("a count of the hygiene stock"), services.STOCK_CHECK_KIND),
    AnsweredBy(_("a count of the item above its low mark"), services.LOW_STOCK_KIND),
    AnsweredBy(_("the end of the water interruption"), services.WATER_KIND),
    Section(
        key="hygiene",
        title=_("Hygiene"),
        template="hygiene/_section.html",
        context=_section,
        shown=holds(VIEW_ENTITLEMENTS),
        order=850,
    ),
    DemoStep(order=160, run=demo.seed),
)
