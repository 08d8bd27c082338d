from celery import shared_task

from .extract import produce


@shared_task(name="research.tasks.produce_extract", acks_late=True)
def produce_extract() -> str:
    """The research extract of the day (Rules 67, 68), written under `RESEARCH_DIR` and
    audited as made by the system; made again the same day, it replaces that day's file."""
    path, _done = produce(by=None)
    return path.name
