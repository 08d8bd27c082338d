"""Search and training verbs (Rules 19-21). Views, the API, tasks and the demo call these."""

from .searches import (
    confirm_search_authority,
    record_cell_search,
    record_search,
    refuse_search_authority,
    request_search_authority,
    searchers_offered,
)
from .training import (
    schedule_new_starter_reminders,
    schedule_training_expiry_reminders,
    staff_capacity,
    training_records_visible_to,
    training_status,
)

__all__ = [
    "confirm_search_authority",
    "refuse_search_authority",
    "request_search_authority",
    "record_cell_search",
    "record_search",
    "searchers_offered",
    "schedule_new_starter_reminders",
    "schedule_training_expiry_reminders",
    "staff_capacity",
    "training_records_visible_to",
    "training_status",
]
