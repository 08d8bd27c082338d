"""What the inspections area plugs into the others (Rule 25.3): its oversight list of visits,
the governor's task to answer a recommendation by its deadline (closed by a follow-up saying it
is done or not accepted), and its demo records."""

from django.utils.translation import gettext_lazy as _

from prisoners.demo import DemoStep
from reminders.kinds import AnsweredBy, opens

from . import demo, oversight, services

PLUGS = (
    *oversight.LISTS,
    *oversight.INDICATORS,
    AnsweredBy(
        _("a follow-up saying the recommendation is done or not accepted"),
        services.RECOMMENDATION_KIND,
        page=opens("inspections:follow-up", perm=services.FOLLOW_UP),
    ),
    DemoStep(order=180, run=demo.seed),
)
