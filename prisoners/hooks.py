"""What the core record plugs into the other areas."""

from reminders.kinds import MayBeMarkedDone

from .demo import DEMO_TASK_KINDS

PLUGS = (
    # The demonstration's sample tasks (seed_demo): nothing answers them.
    MayBeMarkedDone(*DEMO_TASK_KINDS.values()),
)
