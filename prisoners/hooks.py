"""What the core record plugs into the other areas."""

from reminders.kinds import MayBeMarkedDone

from . import demo

PLUGS = (
    # The demonstration's sample tasks (seed_demo): nothing answers them.
    MayBeMarkedDone(*demo.DEMO_TASK_KINDS.values()),
    # The demonstration: a woman released before it, then (after her admission) her task.
    demo.DemoStep(order=0, each_woman=demo.released),
    demo.DemoStep(order=20, each_woman=demo.sample_task),
)
