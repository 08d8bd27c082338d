"""What the governor and the inspector oversee of uses of force (Rules 24, 31; Mandela 82): every
use of force in a facility and period, those on a protected woman, and the counts that must be
zero (force in a protected period, a review or a health check not done in time), computed from
the records themselves. A row says "protected", never why (Rule 8)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from bangkok.dates import during
from oversight.registry import (
    COUNT,
    MONITOR,
    SMALLER,
    Indicator,
    MustBeZero,
    RecordList,
    Row,
    share,
    tally,
)

from .models import UseOfForce
from .services import VIEW


def in_period(facilities, start, end):
    """Uses of force that started from `start` to `end` (inclusive dates), newest first."""
    return (
        UseOfForce.objects.filter(facility__in=facilities, **during("started_at", start, end))
        .select_related("prisoner")
        .order_by("-started_at", "-id")
    )


def row(force: UseOfForce) -> Row:
    what = _("%(techniques)s, %(reason)s") % {
        "techniques": ", ".join(force.technique_labels()),
        "reason": force.get_reason_display(),
    }
    if force.protected:
        what = _("%(what)s (protected)") % {"what": what}
    return Row(
        uuid=force.uuid,
        when=force.started_at,
        woman=force.prisoner,
        what=what,
        url=reverse("force:detail", kwargs={"uuid": force.uuid}),
    )


LISTS = (
    RecordList(
        key="force",
        title=_lazy("Uses of force"),
        rules="24, 31; M82",
        perm=VIEW,
        records=in_period,
        row=row,
        order=345,
        day="started_at",
    ),
    RecordList(
        key="force-on-protected-women",
        dated="started_at",
        title=_lazy("Uses of force on protected women"),
        rules="24; M82",
        perm=VIEW,
        records=lambda f, s, e: in_period(f, s, e).on_protected(),
        row=row,
        order=346,
    ),
    RecordList(
        key="force-by-men",
        dated="started_at",
        title=_lazy("Uses of force in which men took part"),
        rules="31; M81",
        perm=VIEW,
        records=lambda f, s, e: in_period(f, s, e).by_men(),
        row=row,
        order=347,
    ),
    RecordList(
        key="force-by-untrained-staff",
        dated="started_at",
        title=_lazy("Uses of force by staff without valid Rule 33.1 training"),
        rules="33.1",
        perm=VIEW,
        records=lambda f, s, e: in_period(f, s, e).by_untrained_staff(),
        row=row,
        order=348,
    ),
)
ZEROS = (
    MustBeZero(
        key="force-protected-period",
        dated="started_at",
        label=_lazy("Uses of force during labour, birth or immediately after birth"),
        rule="24",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).in_protected_period(),
        row=row,
        order=345,
    ),
    MustBeZero(
        key="force-review-overdue",
        dated="started_at",
        label=_lazy("Uses of force not reviewed by the governor within the set time"),
        rule="M82",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).review_overdue(),
        row=row,
        order=346,
    ),
    MustBeZero(
        key="force-health-check-overdue",
        dated="started_at",
        label=_lazy("Uses of force with no health check within the set time"),
        rule="M34",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).health_check_overdue(),
        row=row,
        order=347,
    ),
)


def _uses():
    return UseOfForce.objects.all()


INDICATORS = (
    Indicator(
        key="force-used",
        number="",
        title=_lazy("Uses of force"),
        rules="24, 31; M82",
        perm=VIEW,
        counts=tally(_uses, "started_at__date"),
        direction=MONITOR,
        unit=COUNT,
        records="force",
    ),
    Indicator(
        key="force-on-protected",
        number="",
        title=_lazy("Uses of force on a woman under a protection (pregnancy, birth, segregation)"),
        rules="24, 22",
        perm=VIEW,
        counts=share(_uses, "started_at__date", Q(protected=True)),
        direction=SMALLER,
        cases=("force-protected-period",),
        records="force-on-protected-women",
    ),
)
