from celery import shared_task


@shared_task(name="discipline.tasks.schedule_segregation_visits", acks_late=True)
def schedule_segregation_visits() -> int:
    """The day's health visit to each segregated woman (Mandela 46); Rule 22 checked again."""
    from .services.segregation import schedule_segregation_visits as schedule

    return schedule()


@shared_task(name="discipline.tasks.end_segregations_at_limit", acks_late=True)
def end_segregations_at_limit() -> int:
    """End each segregation still open at the end of her 15th consecutive day (Mandela 44)."""
    from .services.segregation import end_segregations_at_limit as end_at_limit

    return end_at_limit()
