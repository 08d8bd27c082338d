from celery import shared_task


@shared_task(name="visits.tasks.schedule_contact_reminders", acks_late=True)
def schedule_contact_reminders() -> int:
    """Remind social workers of women with no family contact, and of mothers separated from
    a child with no visit with children (Rules 26, 28, 43)."""
    from .services.reminders import schedule_contact_reminders as schedule

    return schedule()
