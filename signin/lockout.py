"""Login lockouts in the database every worker shares (django-axes).

A username is locked after `AXES_FAILURE_LIMIT` failures from any source, and a source (the
client address, see `bangkok.security.client_ip`) after `AXES_SOURCE_FAILURE_LIMIT` failures
across usernames, so that trying one password on many accounts (spraying) stops too. Failures
count within `AXES_COOLOFF_TIME`. A wrong two-factor code counts as a failure.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def _failures(since, **match) -> int:
    attempts = AccessAttempt.objects.filter(**match)
    if since is not None:
        attempts = attempts.filter(attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def counting_from(now=None):
    if settings.AXES_COOLOFF_TIME is None:
        return None
    return (now or timezone.now()) - settings.AXES_COOLOFF_TIME


def username_locked(username: str) -> bool:
    """Whether this username is locked out now, whatever the source."""
    return lockouts_on() and locks_out(_failures(counting_from(), username=username))


def lockouts_on() -> bool:
    return bool(settings.AXES_ENABLED and settings.AXES_LOCK_OUT_AT_FAILURE)


def locks_out(failures: int) -> bool:
    """Whether a username with `failures` failures since `counting_from()` is locked out."""
    return lockouts_on() and failures >= settings.AXES_FAILURE_LIMIT


class UsernameOrSourceHandler(AxesDatabaseHandler):
    """Axes' database handler, with one limit per username and a higher one per source."""

    def get_failures(self, request, credentials=None) -> int:
        since = counting_from(getattr(request, "axes_attempt_time", None))
        username = get_client_username(request, credentials)
        by_username = _failures(since, username=username) if username else 0
        by_source = _failures(since, ip_address=request.axes_ip_address)
        if by_source >= settings.AXES_SOURCE_FAILURE_LIMIT:
            # A locked source counts as a locked username, for whatever username it tries.
            return max(by_username, get_failure_limit(request, credentials))
        return by_username

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A success clears her own failures, not those of the source she came from: one
        known password must not wipe a source's spraying record."""
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count
