"""Two requests at once, for real: each call in its own thread and database connection,
released together by a barrier (tests marked `django_db(transaction=True)`)."""

import threading
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import connections


def race(calls: dict[str, Callable[[], object]]) -> list[str]:
    """Run every call at once; return, per call, its name if it succeeded or the messages of
    the ValidationError that refused it."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def run(name, call):
        try:
            barrier.wait()
            call()
            outcomes.append(name)
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in calls.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
