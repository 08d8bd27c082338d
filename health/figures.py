"""What health gives the annual statistics (Rules 6-18, 48): aggregates only, never a woman's
identity or any clinical finding: entry screenings done in time, antenatal care contacts kept,
births and births in hospital."""

from datetime import timedelta

from django.conf import settings
from django.db.models import DurationField, ExpressionWrapper, F
from django.utils.translation import gettext_lazy as _

from bangkok.dates import during
from research.registry import Figure

from .models import Birth, MaternityContact, Screening
from .models.maternity import BirthPlace, ContactStage


def screened_in_time(facilities, start, end):
    waited = ExpressionWrapper(F("completed_at") - F("admission__admitted_at"), DurationField())
    return (
        Screening.objects.filter(
            admission__facility__in=facilities,
            **during("admission__admitted_at", start, end),
            completed_at__isnull=False,
        )
        .alias(waited=waited)
        .filter(waited__lte=timedelta(hours=settings.HEALTH_SCREENING_DUE_HOURS))
    )


def antenatal_due(facilities, start, end):
    return MaternityContact.objects.filter(
        pregnancy__prisoner__facility__in=facilities,
        stage=ContactStage.ANTENATAL,
        **during("due_at", start, end),
    )


def antenatal_kept(facilities, start, end):
    return antenatal_due(facilities, start, end).filter(done_at__lte=F("due_at"))


def births(facilities, start, end):
    return Birth.objects.filter(
        pregnancy__prisoner__facility__in=facilities,
        **during("born_at", start, end),
    )


def births_in_hospital(facilities, start, end):
    return births(facilities, start, end).filter(place=BirthPlace.OUTSIDE_HOSPITAL)


FIGURES = (
    Figure(
        key="screenings-in-time",
        section="health",
        label=_("Entry health screenings complete in time (per 100 admissions)"),
        rules="6-9",
        records=screened_in_time,
        facility="admission__facility",
        of="admissions",
        order=10,
    ),
    Figure(
        key="antenatal-due",
        section="health",
        label=_("Antenatal care contacts due"),
        rules="48",
        records=antenatal_due,
        facility="pregnancy__prisoner__facility",
        order=20,
    ),
    Figure(
        key="antenatal-kept",
        section="health",
        label=_("Antenatal care contacts kept by their time (per 100 due)"),
        rules="48",
        records=antenatal_kept,
        facility="pregnancy__prisoner__facility",
        of="antenatal-due",
        order=30,
    ),
    Figure(
        key="births",
        section="health",
        label=_("Births"),
        rules="48, 24",
        records=births,
        facility="pregnancy__prisoner__facility",
        order=40,
    ),
    Figure(
        key="births-in-hospital",
        section="health",
        label=_("Births in a hospital outside the prison (per 100 births)"),
        rules="48; M28",
        records=births_in_hospital,
        facility="pregnancy__prisoner__facility",
        of="births",
        order=50,
    ),
)
