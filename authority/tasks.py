from celery import shared_task


@shared_task(name="authority.tasks.sweep_late_authorities", acks_late=True)
def sweep_late_authorities() -> int:
    """Escalate, once, each action taken at once in an emergency and still unconfirmed at its
    limit (Mandela 47-48)."""
    from .services import sweep_late

    return sweep_late()
