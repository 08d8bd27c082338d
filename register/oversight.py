"""What the governor and the inspector oversee of children living in prison (Rules 49, 52):
the separations in a period, and the children staying past their best-interests review, a
count that must be zero. Rows never name a child (Rule 3.2): the woman, the day and what
happened."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.dates import before_day
from oversight.registry import (
    COUNT,
    MONITOR,
    SMALLER,
    Indicator,
    MustBeZero,
    RecordList,
    Row,
    counted,
    present,
    share,
)

from .models import OUTSIDE, Child, ChildActivity, Separation

OVERSEE = "register.oversee_children"


def separations_in(facilities, start, end):
    return (
        Separation.objects.filter(
            child__mother__facility__in=facilities,
            separated_on__gte=start,
            separated_on__lte=end,
        )
        .select_related("child__mother", "plan")
        .order_by("-separated_on", "-id")
    )


def separation_row(separation: Separation) -> Row:
    plan = getattr(separation, "plan", None)
    if plan is None:
        what = _("A child left her mother (recorded before separation plans)")
    else:
        what = _("A child left her mother on a plan: care confirmed, she was consulted")
        if plan.consular_consulted_on:
            what = _(
                "A child left her mother on a plan: care confirmed, she and consular "
                "officials were consulted"
            )
    return Row(
        uuid=separation.uuid,
        when=separation.separated_on,
        woman=separation.child.mother,
        what=what,
        url=reverse("prisoners:detail", kwargs={"uuid": separation.child.mother.uuid}),
    )


def staying_past_review(facilities, start, end):
    """Rules 49, 52.1: children living with their mothers today past the day their
    best-interests review was due, with none recorded since."""
    return (
        Child.objects.filter(
            mother__facility__in=facilities,
            lives_with_mother=True,
            review_due_on__lt=timezone.localdate(),
        )
        .select_related("mother")
        .order_by("review_due_on", "id")
    )


def review_row(child: Child) -> Row:
    return Row(
        uuid=child.uuid,
        when=child.review_due_on,
        woman=child.mother,
        what=_("A child living with her: best-interests review overdue"),
        url=reverse("prisoners:detail", kwargs={"uuid": child.mother.uuid}),
    )


def without_outings(facilities, start, end):
    """Rule 51.2: children living with their mothers today, there for longer than
    CHILD_OUTING_DAYS, with no outing or nursery outside in the last CHILD_OUTING_DAYS."""
    since = timezone.localdate() - timedelta(days=settings.CHILD_OUTING_DAYS)
    outside = ChildActivity.objects.filter(child=OuterRef("pk"), kind__in=OUTSIDE, on__gte=since)
    return (
        Child.objects.filter(
            mother__facility__in=facilities,
            lives_with_mother=True,
            **before_day("recorded_at", since),
        )
        .filter(~Exists(outside))
        .select_related("mother")
        .order_by("id")
    )


def outing_row(child: Child) -> Row:
    return Row(
        uuid=child.uuid,
        when=timezone.localdate(),
        woman=child.mother,
        what=_("A child living with her: no outing or nursery in %(days)s days")
        % {"days": settings.CHILD_OUTING_DAYS},
        url=reverse("prisoners:detail", kwargs={"uuid": child.mother.uuid}),
    )


LISTS = (
    RecordList(
        key="children-without-outings",
        now=True,
        title=gettext_lazy("Children living in prison without an outing or nursery of late"),
        rules="51.2",
        perm=OVERSEE,
        records=without_outings,
        row=outing_row,
        order=262,
        keyset=("id",),
        facility="mother__facility",
    ),
    RecordList(
        key="separations",
        dated="separated_on",
        title=gettext_lazy("Children separated from their mothers"),
        rules="52",
        perm=OVERSEE,
        records=separations_in,
        row=separation_row,
        order=60,
        keyset=("-separated_on", "-id"),
        facility="child__mother__facility",
    ),
)
ZEROS = (
    MustBeZero(
        key="children-past-review",
        now=True,
        label=gettext_lazy("Children living in prison past their best-interests review"),
        rule="49",
        perm=OVERSEE,
        cases=staying_past_review,
        row=review_row,
        order=60,
        keyset=("review_due_on", "id"),
        facility="mother__facility",
    ),
)


def _outside(day) -> Q:
    """Children who live outside and never lived with her here."""
    return Q(lives_with_mother=False, separation__isnull=True)


def _with_her():
    """Children who came to live with their mother, until the day they left her."""
    return Child.objects.filter(Q(lives_with_mother=True) | Q(separation__isnull=False))


INDICATORS = (
    Indicator(
        key="children-whereabouts-unknown",
        number="8",
        title=gettext_lazy("Children outside whose whereabouts are not known"),
        rules="3.1, M7(f)",
        perm=OVERSEE,
        counts=present(
            Child.objects.all,
            "recorded_at__date",
            None,
            lambda day: Q(location_unknown=True),
            facility="mother__facility",
            among=_outside,
        ),
        direction=SMALLER,
        target=0,
    ),
    Indicator(
        key="child-arrangements",
        number="9",
        title=gettext_lazy("Dependent children outside with arrangements made for them"),
        rules="2.2",
        perm=OVERSEE,
        counts=present(
            Child.objects.all,
            "recorded_at__date",
            None,
            lambda day: ~Q(arrangements=""),
            facility="mother__facility",
            among=lambda day: _outside(day) & Q(dependent=True),
        ),
        target=100,
    ),
    Indicator(
        key="children-living-in-prison",
        number="",
        title=gettext_lazy("Children living in prison with their mother"),
        rules="49, 52",
        perm=OVERSEE,
        counts=counted(
            present(
                _with_her,
                "recorded_at__date",
                "separation__separated_on",
                lambda day: Q(),
                facility="mother__facility",
            )
        ),
        direction=MONITOR,
        unit=COUNT,
    ),
    Indicator(
        key="separations-best-interests",
        number="36",
        title=gettext_lazy("Separations carrying out a best-interests decision"),
        rules="52",
        perm=OVERSEE,
        counts=share(
            lambda: Separation.objects.all(),
            "separated_on",
            Q(decision__isnull=False),
            facility="child__mother__facility",
        ),
        target=100,
        records="separations",
    ),
)
