"""What a process keeps once it has served a few requests is frozen out of Python's garbage
collections (`bangkok.middleware.SettledObjectsMiddleware`): a full collection of a worker's
objects took 120 ms every dozen requests or so, paid by the request it fell on."""

import gc
import itertools

from django.http import HttpResponse
from django.test import RequestFactory

from bangkok import middleware


def test_after_the_requests_named_what_is_left_after_a_collection_is_frozen(monkeypatch):
    collected = []
    monkeypatch.setattr(middleware.gc, "collect", lambda: collected.append(True) or 0)
    served = middleware.SettledObjectsMiddleware(lambda request: HttpResponse("ok"))
    request = RequestFactory().get("/")
    # The process's first request: nothing frozen before it.
    monkeypatch.setattr(middleware, "_served", itertools.count())
    frozen = gc.get_freeze_count()
    assert served(request).status_code == 200
    assert not collected and gc.get_freeze_count() == frozen
    # Before the next one, collected, then frozen; not again until after the 10th.
    kept = [object() for _ in range(100)]  # what the process keeps meanwhile
    for number in range(1, 10):
        assert served(request).status_code == 200
        assert len(collected) == 1, number
    assert gc.get_freeze_count() >= frozen + len(kept)
    assert served(request).status_code == 200
    assert len(collected) == 2
    assert sorted(middleware.SETTLED_AFTER) == [1, 10, 100, 1000]
