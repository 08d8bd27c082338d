from celery import shared_task


@shared_task(name="health.tasks.refresh_postpartum_flags", acks_late=True)
def refresh_postpartum_flags() -> int:
    """Clear the no-restraints flag when a woman's post-partum period ends (Rule 24)."""
    from .services.maternity import refresh_postpartum_flags as refresh

    return refresh()
