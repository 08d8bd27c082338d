"""Reads that may go to a read replica (QUALITY.md P3: oversight at national scale).

When `DATABASE_REPLICA_URL` is set, the database alias `replica` points at a copy of the
database that PostgreSQL's replication keeps, a moment behind. Only the reads of a request
whose path begins with one of `REPLICA_READ_PATHS` go there: oversight and statistics, pages
and API, which aggregate a period already past and never read what the same person has just
written. Everything else (every write, and every read of a page where someone may have just
saved something: her page after a save, a queue after a task is done) stays on the primary,
so nobody ever sees her own change missing. Writes made while a routed page is served (the
audit of a confidential read, the session) go to the primary too."""

from contextvars import ContextVar

from django.conf import settings
from django.db import connections
from django.utils.connection import ConnectionDoesNotExist

REPLICA = "replica"

_routed: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


def configured() -> bool:
    try:
        connections[REPLICA]
    except ConnectionDoesNotExist:
        return False
    return True


class ReplicaRouter:
    """The routed requests' reads go to the replica; everything else to the primary."""

    def db_for_read(self, model, **hints):
        if _routed.get() and configured():
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        # Never the instance's own database: a record read from the replica is saved on the
        # primary.
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # The two hold the same data.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaReadsMiddleware:
    """Serves a safe request for a routed path with its reads on the replica (once who is
    asking is known, from the primary)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            request.method in ("GET", "HEAD")
            and request.path_info.startswith(tuple(settings.REPLICA_READ_PATHS))
            and configured()
        ):
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None:
            user.is_authenticated  # noqa: B018 (who she is, read from the primary first)
        token = _routed.set(True)
        try:
            return self.get_response(request)
        finally:
            _routed.reset(token)
