"""Acts refused under a Rule, kept in the audit trail (Rules 25.3, 67): which rule, which area
and act, which role, when, for which woman. The act itself is rolled back and writes nothing;
this row is written after it (`bangkok.signals.rule_refused`), so oversight can show, beside
each count that must be zero, how many attempts the services refused."""

from datetime import timedelta

from django.db.models import Count

from bangkok.dates import start_of

from .models import AuditEvent
from .services import record

REFUSED = "rule.refused"


def record_refusal(sender, action, by, rule, woman=None, facility=None, **kwargs) -> None:
    record(
        by=by,
        action=REFUSED,
        subject=woman,
        facility=facility,
        detail={
            "rule": rule,
            "area": action.verb.__module__.split(".")[0],
            "act": action.name,
            # What she tried, as the API's documentation names the act (shown translated).
            "summary": str(action.summary),
        },
    )


def _refused(facilities, start, end):
    """The attempts refused in the facilities, from `start` to `end` (dates, both included)."""
    return AuditEvent.objects.filter(
        action=REFUSED,
        facility__in=facilities,
        at__gte=start_of(start),
        at__lt=start_of(end + timedelta(days=1)),
    )


def refused_under(rule, facilities, start, end):
    """The attempts refused under `rule` (newest first, by `-at`, `-id`)."""
    return _refused(facilities, start, end).filter(detail__rule=rule).select_related("facility")


def refused_by_rule(facilities, start, end) -> dict[str, int]:
    """How many acts were refused under each rule in the facilities, from `start` to `end`
    (dates, both included)."""
    rows = (
        _refused(facilities, start, end)
        .values_list("detail__rule")
        .annotate(attempts=Count("id"))
        .order_by()
    )
    return {rule: attempts for rule, attempts in rows}
