"""What a viewer may read of the pretrial area (Rules 56-58, 65; Mandela 111-120): her court
dates and what happened at them, her lawyer (the contact details only for the roles that
arrange her legal visits, calls and hearings, every such read audited), the caretaking
information sent before a hearing (the summary only for a role that reads children's
identities, Rule 3.2, audited), her pretrial-safety screen (what it found only for social
workers, safeguarding staff and the governor, audited); how long she has been untried; and the
figures of indicator 49 (`pretrial_figures`)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import (
    Aggregate,
    Case,
    Count,
    DateField,
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Extract
from django.utils import timezone

import audit
from facilities.scope import facilities_of
from prisoners.models import CustodyStatus, LegalStatus, Prisoner
from prisoners.withheld import without_withheld

from .models import CaretakingNotice, Hearing, LegalAdviser, SafetyScreen
from .permissions import (
    VIEW,
    VIEW_ADVISER,
    VIEW_SCREEN,
    reads_adviser_contact,
    reads_caretaking,
    reads_screen,
)

if TYPE_CHECKING:
    from facilities.models import Facility
    from staff.models import User

HEARING_ORDER = ("at", "id")


# -- How long she has been untried -------------------------------------------------------------


def _episode_and_decisions(on: datetime | Func) -> tuple[QuerySet, QuerySet]:
    """The woman's (an outer Prisoner's) episode open on `on`, and the court decisions of her
    open episode by then that made her untried (`on` a moment, or the database's `_NOW`)."""
    from admissions.models import Admission, CourtOutcome

    day = on.date() if isinstance(on, datetime) else Cast(on, DateField())
    episode = Admission.objects.filter(prisoner=OuterRef("pk"), admitted_at__lte=on).filter(
        Q(released_at__isnull=True) | Q(released_at__gt=on)
    )
    back_to_untried = CourtOutcome.objects.filter(
        admission__prisoner=OuterRef("pk"),
        admission__released_at__isnull=True,
        to_status=LegalStatus.PRETRIAL,
        decided_on__lte=day,
    )
    return episode, back_to_untried


def _untried_since(on: datetime) -> Coalesce:
    """Since when the woman (an outer Prisoner) has been untried in her episode open on `on`:
    the last court decision by then that made her untried, else her arrest."""
    episode, back_to_untried = _episode_and_decisions(on)
    return Coalesce(
        Subquery(
            back_to_untried.order_by("-decided_on", "-id")
            .annotate(moment=Cast("decided_on", output_field=DateTimeField()))
            .values("moment")[:1]
        ),
        Subquery(episode.order_by("-admitted_at").values("arrested_at")[:1]),
    )


def _untried_known(on: datetime | Func) -> Q:
    """On the row of a woman untried on `on`: whether `_untried_since` knows since when (a
    court decision that made her untried, or an episode open then, whose arrest is always
    recorded), asked without working it out."""
    episode, back_to_untried = _episode_and_decisions(on)
    return Q(Exists(back_to_untried)) | Q(Exists(episode))


def untried(now: datetime | None = None) -> QuerySet[Any]:
    """The women in custody untried now, each with `untried_since`."""
    now = now or timezone.now()
    return Prisoner.objects.filter(
        custody_status=CustodyStatus.IN_CUSTODY, legal_status=LegalStatus.PRETRIAL
    ).annotate(untried_since=_untried_since(now))


def untried_days(woman: Prisoner, now: datetime | None = None) -> int | None:
    """How many days she has been untried, if she is."""
    now = now or timezone.now()
    since = untried(now).filter(pk=woman.pk).values_list("untried_since", flat=True).first()
    return None if since is None else (now - since).days


def has_pretrial(*, viewer: User, woman: Prisoner) -> Q:
    """On her row: she is untried now, or has hearings, or lawyers or pretrial-safety screens
    the viewer reads (her page's section list), nothing read."""
    return _pretrial_on_her_row(
        (woman.custody_status, woman.legal_status)
        == (CustodyStatus.IN_CUSTODY, LegalStatus.PRETRIAL),
        viewer.has_perm(VIEW_ADVISER),
        viewer.has_perm(VIEW_SCREEN),
    )


# Now, by the database's clock when the statement starts (in the connection's time zone,
# UTC, as `timezone.now()`): a condition on her row made once and kept, the same object each
# time, so her page compiles its query once for it (`prisoners.sections`).
_NOW: Func = Func(function="STATEMENT_TIMESTAMP", output_field=DateTimeField())


@cache
def _pretrial_on_her_row(untried: bool, advisers: bool, screens: bool) -> Q:
    found = Q(Exists(Hearing.objects.filter(prisoner=OuterRef("pk"))))
    if untried:
        found |= Q(custody_status=CustodyStatus.IN_CUSTODY, legal_status=LegalStatus.PRETRIAL) & (
            _untried_known(_NOW)
        )
    if advisers:
        found |= Q(Exists(LegalAdviser.objects.filter(prisoner=OuterRef("pk"))))
    if screens:
        found |= Q(Exists(SafetyScreen.objects.filter(prisoner=OuterRef("pk"))))
    return found


def long_pretrial(facilities: QuerySet[Facility], start: date, end: date) -> QuerySet[Any]:
    """Oversight: the women untried now who had been untried for more than PRETRIAL_LONG_DAYS
    at the period's end, the longest first."""
    limit = datetime.combine(end, time.max, tzinfo=timezone.get_current_timezone()) - timedelta(
        days=settings.PRETRIAL_LONG_DAYS
    )
    return (
        untried()
        .filter(facility__in=facilities, untried_since__lte=limit)
        .select_related("facility")
        .order_by("-id")
    )


# -- Indicator 49 ------------------------------------------------------------------------------


class Median(Aggregate):
    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def pretrial_figures(facilities: QuerySet[Facility], start: date, end: date) -> dict[str, Any]:
    """Indicator 49 (Rules 56-58): on the period's last day, the women in custody in the
    facilities, how many of them were untried, their share (per 100) and the median number of
    days they had been untried by then. One query. Her legal status on that day is the one the
    court's decisions of her episode gave her by then. `start` is the period's first day; the
    figures are a census of its last."""
    from admissions.models import Admission, CourtOutcome

    on = datetime.combine(end, time.max, tzinfo=timezone.get_current_timezone())
    episode = Admission.objects.filter(prisoner=OuterRef("pk"), admitted_at__lte=on).filter(
        Q(released_at__isnull=True) | Q(released_at__gt=on)
    )
    of_episode = CourtOutcome.objects.filter(
        admission__prisoner=OuterRef("pk"),
        admission__admitted_at__lte=on,
    ).filter(Q(admission__released_at__isnull=True) | Q(admission__released_at__gt=on))
    by_then = of_episode.filter(decided_on__lte=end).order_by("-decided_on", "-id")
    after = of_episode.filter(decided_on__gt=end).order_by("decided_on", "id")
    back_to_untried = by_then.filter(to_status=LegalStatus.PRETRIAL).annotate(
        moment=Cast("decided_on", output_field=DateTimeField())
    )
    women = (
        Prisoner.objects.filter(facility__in=facilities)
        .filter(Exists(episode))
        .annotate(
            status_then=Coalesce(
                Subquery(by_then.values("to_status")[:1]),
                Subquery(after.values("from_status")[:1]),
                F("legal_status"),
            ),
            since=Coalesce(
                Subquery(back_to_untried.values("moment")[:1]),
                Subquery(episode.order_by("-admitted_at").values("arrested_at")[:1]),
            ),
        )
    )
    untried_then = Q(status_then=LegalStatus.PRETRIAL)
    days = (
        Extract(ExpressionWrapper(Value(on) - F("since"), output_field=DurationField()), "epoch")
        / 86400.0
    )
    figures = women.aggregate(
        women=Count("pk"),
        untried=Count("pk", filter=untried_then),
        median=Median(Case(When(untried_then, then=days), output_field=FloatField())),
    )
    from bangkok.suppression import rate

    small = settings.SMALL_CELL
    shown = figures["untried"] == 0 or figures["untried"] >= small
    return {
        "women": figures["women"],
        "untried": figures["untried"] if shown else None,
        "share": rate(figures["untried"], figures["women"]) if shown else None,
        "median_days": round(figures["median"], 1)
        if shown and figures["median"] is not None
        else None,
        "suppressed": not shown,
    }


# -- Her records -------------------------------------------------------------------------------


def _notices() -> Prefetch:
    return Prefetch("notices", queryset=CaretakingNotice.objects.order_by("-sent_at", "-id"))


def her_hearings(woman: Prisoner) -> QuerySet[Hearing]:
    return (
        Hearing.objects.filter(prisoner=woman)
        .select_related("prisoner", "court_outcome")
        .prefetch_related(_notices())
        .order_by("-at", "-id")
    )


def hearing_read(*, viewer: User, hearing: Hearing) -> dict:
    """A hearing's page: the hearing, its notices (their summaries only for a role that reads
    children's identities, the read audited)."""
    notices = list(hearing.notices.order_by("-sent_at", "-id"))
    summaries = reads_caretaking(viewer)
    disclosed(viewer, [hearing], summaries)
    return {"hearing": hearing, "notices": notices, "summaries": summaries}


def disclosed(viewer: User, hearings: list[Hearing], summaries: bool) -> None:
    """The audit row of a read of caretaking summaries (they may name her children)."""
    if not summaries:
        return
    ids = [notice.uuid for hearing in hearings for notice in hearing.notices.all()]
    if ids:
        audit.record(
            by=viewer,
            action="pretrial.caretaking_read",
            subject=hearings[0].prisoner,
            facility=hearings[0].facility,
            disclosed=ids,
        )


def her_advisers(*, viewer: User, woman: Prisoner) -> tuple[list[LegalAdviser], bool]:
    """Her lawyers, and whether the viewer reads their contact details (the read audited)."""
    if not viewer.has_perm(VIEW_ADVISER):
        return [], False
    advisers = list(LegalAdviser.objects.filter(prisoner=woman).order_by("-acting", "name", "id"))
    contact = reads_adviser_contact(viewer)
    if contact and advisers:
        audit.record(
            by=viewer,
            action="pretrial.adviser_contact_read",
            subject=woman,
            facility=woman.facility,
            disclosed=[adviser.uuid for adviser in advisers],
        )
    return advisers, contact


def her_screens(*, viewer: User, woman: Prisoner) -> tuple[list[SafetyScreen], bool]:
    """Her pretrial-safety screens, and whether the viewer reads what they found (audited)."""
    if not viewer.has_perm(VIEW_SCREEN):
        return [], False
    screens = list(SafetyScreen.objects.filter(prisoner=woman).order_by("-screened_at", "-id"))
    whole = reads_screen(viewer)
    if whole and screens:
        audit.record(
            by=viewer,
            action="pretrial.screen_read",
            subject=woman,
            facility=woman.facility,
            disclosed=[screen.uuid for screen in screens],
        )
    return screens, whole


# -- Lists -------------------------------------------------------------------------------------


def hearings_of(viewer: User) -> QuerySet[Hearing]:
    """The court dates of the women in custody in her facilities whose result is still to be
    recorded, soonest first, each with whether her caretaking information was sent."""
    if not viewer.has_perm(VIEW):
        return Hearing.objects.none()
    return (
        without_withheld(
            Hearing.objects.filter(
                facility__in=facilities_of(viewer), result="", admission__released_at__isnull=True
            )
        )
        .annotate(noticed=Exists(CaretakingNotice.objects.filter(hearing=OuterRef("pk"))))
        .select_related("prisoner", "prisoner__unit", "facility")
    )


def needing_notices(viewer: User) -> QuerySet[Hearing]:
    """The social workers' queue: hearings to come within PRETRIAL_NOTICE_DAYS (and those gone
    by still without a result), each with whether the notice was sent."""
    horizon = timezone.now() + timedelta(days=settings.PRETRIAL_NOTICE_DAYS)
    return hearings_of(viewer).filter(at__lte=horizon)
