"""What admissions gives the annual statistics (Rules 67-70): the women held on the last day
of the year by legal status (their total is the population, for occupancy), and the
admissions and releases of the year. Counts only."""

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from bangkok.dates import after_day, during, until_day
from prisoners.models import LegalStatus
from research.registry import Episodes, Figure, Share

from .models import Admission


def held_on_last_day(facilities, start, end):
    """The admissions in force at the end of `end`: one a woman held then."""
    return Admission.objects.filter(
        facility__in=facilities, **until_day("admitted_at", end)
    ).filter(Q(released_at__isnull=True) | Q(**after_day("released_at", end)))


def admitted(facilities, start, end):
    return Admission.objects.filter(facility__in=facilities, **during("admitted_at", start, end))


def released(facilities, start, end):
    return Admission.objects.filter(facility__in=facilities, **during("released_at", start, end))


def episodes():
    """Every episode of custody with what the research extract coarsens (never her name,
    number or any free text)."""
    return (
        Admission.objects.annotate(
            episode=F("id"),
            woman=F("prisoner_id"),
            facility_kind=F("facility__kind"),
            date_of_birth=F("prisoner__date_of_birth"),
            legal_status=F("prisoner__legal_status"),
            nationalities=F("prisoner__nationalities"),
            children=Count("prisoner__children", distinct=True),
        )
        .values(
            "episode",
            "woman",
            "facility_id",
            "facility_kind",
            "admitted_at",
            "released_at",
            "date_of_birth",
            "legal_status",
            "nationalities",
            "children",
        )
        .order_by("id")
    )


FIGURES = (
    Episodes(episodes),
    Share(
        key="legal-status",
        section="population",
        title=_("Women held on the last day"),
        rules="67, 56-57",
        records=held_on_last_day,
        group="prisoner__legal_status",
        groups=lambda: list(LegalStatus.choices),
        population=True,
    ),
    Figure(
        key="admissions",
        section="releases",
        label=_("Admissions in the year"),
        rules="2, 68",
        records=admitted,
        order=10,
    ),
    Figure(
        key="releases",
        section="releases",
        label=_("Releases in the year"),
        rules="45-47",
        records=released,
        order=20,
    ),
)
