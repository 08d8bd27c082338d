from celery import shared_task


@shared_task(name="parole.tasks.schedule_eligibility_reviews", acks_late=True)
def schedule_eligibility_reviews() -> int:
    """Rule 45: the task of reviewing her eligibility for leave, when the first falls due."""
    from .services import schedule_eligibility_reviews as schedule

    return schedule()
