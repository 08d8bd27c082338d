"""Admissions on oversight: the indicators of reception, of where she is held and of the
population (RULES-SPEC 3: 10, 11, 39 and 54), in aggregate."""

from django.conf import settings
from django.db.models import Exists, F, IntegerField, OuterRef, Q, QuerySet
from django.db.models.functions import Cast, Round
from django.utils.translation import gettext_lazy as _

from facilities.models import Facility
from oversight.registry import (
    MEDIAN,
    SMALLER,
    Counts,
    Indicator,
    Periods,
    counted,
    once_past,
    present,
    share,
    spread,
)

from .models import Admission, Allocation, RightsItem, RightsOffer, Stage

VIEW = "admissions.view_admission"


def _offered(item: str) -> Q:
    return Q(Exists(RightsOffer.objects.filter(admission=OuterRef("pk"), item=item)))


def _foreign_national() -> Q:
    """Admissions of women none of whose nationalities is this country's (Rule 2.1)."""
    return ~Q(prisoner__nationalities=[]) & ~Q(
        prisoner__nationalities__contains=[settings.HOME_COUNTRY]
    )


_in_custody = counted(
    present(
        Admission.objects.all,
        "admitted_at__date",
        "released_at__date",
        lambda day: Q(),
        among=lambda day: ~Q(stage=Stage.RECEPTION),
    )
)


def occupancy(facilities, periods: Periods) -> Counts:
    """Women in custody on the last day of each period ÷ the facility's capacity (two
    queries, whatever the periods and facilities)."""
    women = _in_custody(facilities, periods)
    ids = facilities if isinstance(facilities, QuerySet) else [f.pk for f in facilities]
    capacity = dict(Facility.objects.filter(pk__in=ids).values_list("pk", "capacity"))
    return {
        (index, place): (women.get((index, place), (0, 0))[0], places)
        for index in range(len(periods))
        for place, places in capacity.items()
    }


INDICATORS = (
    Indicator(
        key="family-contact-offered",
        number="10",
        title=_("Admissions where contact with her relatives was offered"),
        rules="2.1",
        perm=VIEW,
        counts=share(
            Admission.objects.all,
            "admitted_at__date",
            _offered(RightsItem.FAMILY_CONTACT),
            settles=once_past,
        ),
        target=100,
        records="admissions",
    ),
    Indicator(
        key="consular-access-offered",
        number="11",
        title=_("Admissions of foreign nationals where consular access was offered"),
        rules="2.1",
        perm=VIEW,
        counts=share(
            Admission.objects.all,
            "admitted_at__date",
            _offered(RightsItem.CONSULAR),
            among=_foreign_national,
            settles=once_past,
        ),
        target=100,
        records="admissions",
    ),
    # Rule 4: each allocation decided in the period, in the facility she was allocated to
    # (her distance from home is known only where her home's coordinates are).
    Indicator(
        key="distance-from-home",
        number="39",
        title=_("Distance from her home of the facility she was allocated to (the median)"),
        rules="4",
        perm=VIEW,
        counts=spread(
            lambda: Allocation.objects.all(),
            "decided_at__date",
            Cast(Round("distance_km"), IntegerField()),
        ),
        direction=SMALLER,
        unit=MEDIAN,
        measure=_("km"),
    ),
    Indicator(
        key="allocated-nearest-home",
        number="39",
        title=_("Allocations to the facility nearest her home"),
        rules="4",
        perm=VIEW,
        counts=share(
            lambda: Allocation.objects.filter(nearest__isnull=False),
            "decided_at__date",
            Q(nearest=F("facility")),
        ),
        order=101,
    ),
    Indicator(
        key="occupancy",
        number="54",
        title=_("Occupancy: women in custody on the last day ÷ places"),
        rules="M10",
        perm=VIEW,
        counts=occupancy,
        direction=SMALLER,
        target=100,
    ),
)
