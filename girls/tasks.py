from celery import shared_task

from . import services


@shared_task(name="girls.tasks.seal_due_records", acks_late=True)
def seal_due_records() -> int:
    """Havana r. 19: the records due are sealed, though nobody acts (beat)."""
    return services.seal_due_records()
