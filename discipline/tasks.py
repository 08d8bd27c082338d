from celery import shared_task


@shared_task(name="discipline.tasks.schedule_segregation_visits", acks_late=True)
def schedule_segregation_visits() -> int:
    """The day's health visit to each segregated woman (Mandela 46); Rule 22 checked again."""
    from .services.segregation import schedule_segregation_visits as schedule

    return schedule()
