from celery import shared_task


@shared_task(name="pretrial.tasks.pretrial_clock", acks_late=True)
def pretrial_clock() -> dict[str, int]:
    """Rules 56, 58: the tasks the clock sets (caretaking information before a hearing, a long
    pretrial detention raised to the governor)."""
    from .services import raise_long_pretrial_alerts, schedule_notices

    return {"notices": schedule_notices(), "long": raise_long_pretrial_alerts()}
