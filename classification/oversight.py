"""What the governor and the inspector oversee of classification (Rules 40, 41): the women not
classified within the set time of their admission, the reviews not made by their date, and the
count that must be zero of women held at high security for their mental-health needs alone
(Rule 41(d)), computed from the records themselves. A row says her level, never her needs."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from admissions.models import Admission
from bangkok.dates import during
from oversight.registry import MustBeZero, RecordList, Row
from prisoners.models import Prisoner

from .models import Classification, Kind, Level
from .services import VIEW


def not_classified_in_time(facilities, start, end):
    """Admissions from `start` to `end` after which she was classified late, or not at all
    though the time has passed while she is in custody.

    Her first classification since the admission (`first`, shown on each row) is late when it
    came after the set time: none came within it, and one came after. Asked that way, each
    admission is one look-up in the index of her classifications by date (QUALITY.md P3)."""
    days = timedelta(days=settings.CLASSIFICATION_DAYS)
    hers = Classification.objects.filter(prisoner=OuterRef("prisoner"))
    first = (
        hers.filter(classified_at__gte=OuterRef("admitted_at"))
        .order_by("classified_at")
        .values("classified_at")[:1]
    )
    in_time = hers.filter(
        classified_at__gte=OuterRef("admitted_at"),
        classified_at__lte=OuterRef("admitted_at") + days,
    )
    after = hers.filter(classified_at__gt=OuterRef("admitted_at") + days)
    in_custody = Prisoner.objects.filter(pk=OuterRef("prisoner"), custody_status="in_custody")
    missing = Q(admitted_at__lt=timezone.now() - days) & Q(Exists(in_custody))
    return (
        Admission.objects.filter(facility__in=facilities, **during("admitted_at", start, end))
        .filter(~Exists(in_time) & (Exists(after) | missing))
        .annotate(first=Subquery(first))
        .select_related("prisoner")
        .order_by("-admitted_at", "-id")
    )


def admission_row(admission) -> Row:
    if admission.first is None:
        what = _("Not classified yet")
    else:
        what = _("Classified late, on %(day)s") % {
            "day": timezone.localdate(admission.first).isoformat()
        }
    return Row(
        uuid=admission.uuid,
        when=admission.admitted_at,
        woman=admission.prisoner,
        what=what,
        url=reverse("classification:list", kwargs={"uuid": admission.prisoner.uuid}),
    )


def in_period(facilities, start, end):
    return (
        Classification.objects.filter(
            facility__in=facilities, **during("classified_at", start, end)
        )
        .select_related("prisoner")
        .order_by("-classified_at", "-id")
    )


def reviews_overdue(facilities, start, end):
    """Reviews due from `start` to `end` not made by their date."""
    return (
        Classification.objects.filter(facility__in=facilities, next_review_on__range=(start, end))
        .review_overdue()
        .select_related("prisoner")
        .order_by("-next_review_on", "-id")
    )


def row(classification: Classification) -> Row:
    kind = Kind.INITIAL if classification.kind == Kind.INITIAL else Kind.REVIEW
    return Row(
        uuid=classification.uuid,
        when=classification.classified_at,
        woman=classification.prisoner,
        what=_("%(level)s (%(kind)s), review by %(day)s")
        % {
            "level": Level(classification.level).label,
            "kind": Kind(kind).label,
            "day": classification.next_review_on.isoformat(),
        },
        url=reverse("classification:detail", kwargs={"uuid": classification.uuid}),
    )


LISTS = (
    RecordList(
        key="classifications",
        title=_lazy("Classifications"),
        rules="40, 41",
        perm=VIEW,
        records=in_period,
        row=row,
        order=340,
        day="classified_at",
    ),
    RecordList(
        key="classification-not-in-time",
        dated="admitted_at",
        title=_lazy("Women not classified within the set time of their admission"),
        rules="40, 41",
        perm=VIEW,
        records=not_classified_in_time,
        row=admission_row,
        order=341,
    ),
    RecordList(
        key="classification-review-overdue",
        dated="next_review_on",
        title=_lazy("Classifications not reviewed by their date"),
        rules="41",
        perm=VIEW,
        records=reviews_overdue,
        row=row,
        order=342,
    ),
)
ZEROS = (
    MustBeZero(
        key="classification-high-on-mental-health",
        dated="classified_at",
        label=_lazy("Women held at high security for their mental-health needs alone"),
        rule="41",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).high_on_mental_health_alone(),
        row=row,
        order=340,
    ),
)
