from celery import shared_task


@shared_task(name="hygiene.tasks.schedule_stock_checks", acks_late=True)
def schedule_stock_checks() -> int:
    """Ask custody for the week's hygiene stock check where one is due (Rule 5)."""
    from .services import schedule_stock_checks as schedule

    return schedule()
