from celery import shared_task

from . import services


@shared_task(name="reminders.tasks.sweep_reminders", acks_late=True)
def sweep_reminders() -> dict[str, int]:
    return services.sweep_reminders()
