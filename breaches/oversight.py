"""Breaches staff recorded, on oversight (Rules 25.3, 67-70): every one in the period, and
each adds to the count that must be zero for its rule (`oversight.registry`), so a zero means
that none happened, not that none could be written down."""

from operator import attrgetter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.dates import during
from oversight.registry import Recorded, RecordList, Row

from .models import Breach
from .permissions import VIEW


def in_period(facilities, start, end):
    return (
        Breach.objects.filter(facility__in=facilities, **during("occurred_at", start, end))
        .select_related("prisoner")
        .order_by("-occurred_at", "-id")
    )


def row(breach: Breach) -> Row:
    """Its kind and rule, never its account."""
    return Row(
        uuid=breach.uuid,
        when=breach.occurred_at,
        woman=breach.prisoner,
        what=_("Breach recorded by staff: %(what)s (Rule %(rule)s)")
        % {"what": breach.get_kind_display(), "rule": breach.rule},
    )


def recorded(keys, facilities, start, end):
    """The breaches recorded that add to the counts `keys` (each to the count of its kind)."""
    return in_period(facilities, start, end).filter(kind__in=keys)


LISTS = (
    RecordList(
        key="breaches",
        title=gettext_lazy("Breaches recorded by staff"),
        rules="19, 21, 22, 24; M45, M52",
        perm=VIEW,
        records=in_period,
        row=row,
        order=20,
        day="occurred_at",
    ),
)
RECORDED = Recorded(recorded, key=attrgetter("kind"), row=row)
