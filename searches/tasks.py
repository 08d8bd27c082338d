from celery import shared_task


@shared_task(name="searches.tasks.schedule_training_expiry_reminders", acks_late=True)
def schedule_training_expiry_reminders() -> int:
    """Remind the governor of staff trainings about to expire (RULES-SPEC 2.16)."""
    from .services import schedule_training_expiry_reminders as schedule

    return schedule()
