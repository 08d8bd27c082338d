"""Search and training verbs (Rules 19-21). Views, the API, tasks and the demo call these."""

from .searches import her_searches, record_cell_search, record_search, searches_section
from .training import (
    schedule_training_expiry_reminders,
    training_records_visible_to,
    training_status,
)

__all__ = [
    "her_searches",
    "record_cell_search",
    "record_search",
    "schedule_training_expiry_reminders",
    "searches_section",
    "training_records_visible_to",
    "training_status",
]
