"""What reminders plug into the others: the governor's queue of escalations."""

from .task_queues import ESCALATIONS

PLUGS = (ESCALATIONS,)
