"""What the core record plugs into the other areas, and her open tasks on her page (the
reminders sit below her record, so her page takes them from there)."""

from django.utils.translation import gettext_lazy as _

from reminders.kinds import AnsweredBy, MayBeMarkedDone, opens
from reminders.services import tasks_for

from . import demo, oversight, services
from .sections import Section, holds
from .services import FlagWatcher


def _her_tasks(request, prisoner):
    if not request.user.has_perm("reminders.view_reminder"):
        return None
    tasks = tasks_for(request.user).filter(prisoner=prisoner).select_related("prisoner")
    return {"tasks": list(tasks[:20])}


PLUGS = (
    # Rule 51.2: a child who comes to live with her on a unit not suited to children asks
    # custody to move her; her move to a suited unit answers it.
    FlagWatcher(services.child_came_to_live),
    AnsweredBy(
        _("her move to a unit suited to children"),
        services.MOVE_KIND,
        page=opens("prisoners:unit", perm=services.PLACE, of="woman"),
    ),
    # Mandela 11: her legal status changed and her unit holds women kept apart from her now;
    # her move to another unit answers it.
    AnsweredBy(
        _("her move to a unit where no woman kept apart from her lives"),
        services.APART_KIND,
        page=opens("prisoners:unit", perm=services.PLACE, of="woman"),
    ),
    *oversight.ZEROS,
    # The demonstration's sample tasks (seed_demo): nothing answers them.
    MayBeMarkedDone(*demo.DEMO_TASK_KINDS.values()),
    # The demonstration: a woman released before it, then (after her admission) her task.
    demo.DemoStep(order=0, each_woman=demo.released),
    demo.DemoStep(order=20, each_woman=demo.sample_task),
    Section(
        key="tasks",
        title=_("Open tasks for you"),
        template="reminders/_section.html",
        context=_her_tasks,
        shown=holds("reminders.view_reminder"),
        order=900,
    ),
)
