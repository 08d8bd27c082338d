"""Pretrial detention on oversight (Rules 56-58; Mandela 111): the women untried for more than
PRETRIAL_LONG_DAYS, and the hearings of girls under 18 held in the period (each with whether
the non-custodial alternatives were reviewed, Rule 65); indicator 49, the share of the women in
custody on each period's last day who were untried then (the median time untried stays in
`reading.pretrial_figures`: a median is no rate of the registry)."""

from django.conf import settings
from django.db.models import Case, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from admissions.models import Admission, CourtOutcome
from oversight.registry import SMALLER, Indicator, RecordList, Row, present
from prisoners.models import LegalStatus

from . import reading
from .permissions import VIEW


def long_row(woman) -> Row:
    return Row(
        uuid=woman.uuid,
        when=woman.untried_since,
        woman=woman,
        what=_("Untried since %(day)s (more than %(days)s days)")
        % {"day": woman.untried_since.date().isoformat(), "days": settings.PRETRIAL_LONG_DAYS},
        url=reverse("prisoners:detail", args=[woman.uuid]),
    )


LISTS = (
    RecordList(
        key="long-pretrial",
        whatever_start=True,
        title=gettext_lazy("Women untried past the pretrial threshold"),
        rules="58",
        perm=VIEW,
        records=reading.long_pretrial,
        row=long_row,
        order=86,
    ),
)


def untried_on(day) -> Q:
    """Her episode (an outer Admission: every woman received, in reception or not, as
    `reading.pretrial_figures` counts her) untried on `day`, her status then rebuilt as
    `pretrial_figures` does: the one the last court decision of the episode by then gave her,
    else the one the first decision after it changed, else her legal status now.

    Most episodes have no court decision: whether one has is asked of the set of episodes that
    do (read once, hashed), so only those look their decisions up (QUALITY.md P8)."""
    decisions = CourtOutcome.objects.filter(admission=OuterRef("pk"))
    now = F("prisoner__legal_status")
    status = Case(
        When(
            Q(pk__in=CourtOutcome.objects.values("admission")),
            then=Coalesce(
                Subquery(
                    decisions.filter(decided_on__lte=day)
                    .order_by("-decided_on", "-id")
                    .values("to_status")[:1]
                ),
                Subquery(
                    decisions.filter(decided_on__gt=day)
                    .order_by("decided_on", "id")
                    .values("from_status")[:1]
                ),
                now,
            ),
        ),
        default=now,
    )
    return Q(Exact(status, LegalStatus.PRETRIAL))


INDICATORS = (
    Indicator(
        key="pretrial-share",
        number="49",
        title=gettext_lazy("Women in custody on the last day who were untried then"),
        rules="56, 57, 58",
        perm=VIEW,
        counts=present(
            Admission.objects.all,
            "admitted_at__date",
            "released_at__date",
            untried_on,
        ),
        direction=SMALLER,
        records="long-pretrial",
    ),
)
