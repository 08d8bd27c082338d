from celery import shared_task


@shared_task(name="searches.tasks.schedule_training_expiry_reminders", acks_late=True)
def schedule_training_expiry_reminders() -> int:
    """Remind the governor of staff trainings about to expire, and of new starters' training
    in women's rights and gender-specific needs coming due (Rule 33.1; RULES-SPEC 2.16)."""
    from .services import schedule_new_starter_reminders, schedule_training_expiry_reminders

    return schedule_training_expiry_reminders() + schedule_new_starter_reminders()
