from celery import shared_task


@shared_task(name="regime.tasks.check_de_facto_solitary", acks_late=True)
def check_de_facto_solitary() -> int:
    """Put each day of de facto solitary confinement to the governor, and keep each day with
    no time out of cell recorded for oversight (Mandela 44)."""
    from .services import check_de_facto_solitary as check

    return check()
