from celery import shared_task

from . import counted, summaries


@shared_task(name="oversight.tasks.refresh_daily_counts", acks_late=True)
def refresh_daily_counts() -> int:
    """The days oversight has not counted in advance yet, or whose records changed since."""
    return summaries.refresh_due()


@shared_task(name="oversight.tasks.count_figures", acks_late=True)
def count_figures() -> int:
    """Every indicator of every facility for the periods the pages ask most."""
    return counted.refresh()


@shared_task(name="oversight.tasks.count_asked", acks_late=True)
def count_asked() -> int:
    """The periods a page asked for since the beat last counted them, counted now."""
    return counted.refresh_asked()
