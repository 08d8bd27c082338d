"""Break-glass on oversight (Rule 8; RULES-SPEC 1, T4): the reads of the emergency part of a
woman's clinical file in the period, each with who read it, why and its review; indicator 53,
the reads reviewed by a second person ÷ the reads (the count is its denominator). Nothing of
the file is shown."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.dates import during
from oversight.registry import Indicator, RecordList, Row, share

from .models import Access
from .permissions import VIEW


def in_period(facilities, start, end):
    """The reads of the period, both days included."""
    return (
        Access.objects.filter(facility__in=facilities, **during("opened_at", start, end))
        .select_related("prisoner", "opened_by", "review")
        .order_by("-id")
    )


def access_row(access: Access) -> Row:
    review = getattr(access, "review", None)
    found = (
        _("reviewed: %(finding)s") % {"finding": review.get_finding_display()}
        if review is not None
        else _("not reviewed yet")
    )
    who = access.opened_by.get_full_name() or access.opened_by.username
    return Row(
        uuid=access.uuid,
        when=access.opened_at,
        woman=access.prisoner,
        what=f"{access.get_reason_display()} ({who}); {found}",
        url=reverse("breakglass:index"),
    )


LISTS = (
    RecordList(
        key="breakglass-reads",
        dated="opened_at",
        title=gettext_lazy("Break-glass reads of a clinical file"),
        rules="8",
        perm=VIEW,
        records=in_period,
        row=access_row,
        order=96,
    ),
)

INDICATORS = (
    Indicator(
        key="breakglass-reviewed",
        number="53",
        title=gettext_lazy("Break-glass reads of a clinical file reviewed by a second person"),
        rules="8",
        perm=VIEW,
        counts=share(lambda: Access.objects.all(), "opened_at__date", Q(review__isnull=False)),
        target=100,
        records="breakglass-reads",
    ),
)
