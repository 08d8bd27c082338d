"""What the governor and the inspector oversee of discipline (RULES-SPEC 3, indicators 16-19):
sanctions, segregations and contact restrictions of a facility and period, and the counts that
must be zero, computed from the records themselves (her protection flags' history, her date of
birth, the days counted, the words of a restriction), never assumed from the refusals."""

from dataclasses import replace
from datetime import timedelta

from django.db.models import (
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Concat, Greatest, Lower, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from authority.services import late_or_refused
from bangkok.dates import during, from_day
from oversight.registry import MustBeZero, RecordList, Row
from prisoners.models import ProtectionFlags
from register.models import Child

from .models import (
    LONGEST_RUN_DAYS,
    ContactRestriction,
    Privilege,
    Sanction,
    SanctionType,
    Segregation,
)
from .services.common import VIEW_RESTRICTION, VIEW_SANCTION, VIEW_SEGREGATION
from .services.contact import ALL_WORDS, CHILD_WORDS, pattern


def sanctions_in(facilities, start, end):
    return (
        Sanction.objects.filter(facility__in=facilities, **during("imposed_at", start, end))
        .select_related("prisoner", "charge")
        .order_by("-imposed_at", "-id")
    )


def segregations_in(facilities, start, end):
    """Segregations in force at some time between `start` and `end`."""
    return (
        Segregation.objects.filter(facility__in=facilities, start_date__lte=end)
        .filter(Q(ended_at__isnull=True) | Q(**from_day("ended_at", start)))
        .select_related("prisoner")
        .order_by("-started_at", "-id")
    )


def segregations_asked(facilities, start, end):
    """Segregations custody asked the governor's authority for between `start` and `end`,
    refused by her (or confirmed late, where a limit applies)."""
    asked = Segregation.objects.filter(
        facility__in=facilities,
        **during("authority_requested_at", start, end),
    )
    return late_or_refused(asked).select_related("prisoner").order_by("-id")


def restrictions_in(facilities, start, end):
    return (
        ContactRestriction.objects.filter(
            facility__in=facilities, starts_on__lte=end, ends_on__gte=start
        )
        .select_related("prisoner")
        .order_by("-starts_on", "-id")
    )


def segregations_of_protected_women(facilities, start, end):
    """Indicator 16 (Rule 22): she was under "no segregation" at some time while segregated,
    by the history of her flags (protected when it began, or protected during it)."""
    events = ProtectionFlags.pgh_event_model.objects.filter(pgh_obj_id=OuterRef("prisoner_id"))
    at_start = (
        events.filter(pgh_created_at__lte=OuterRef("started_at"))
        .order_by("-pgh_created_at", "-pgh_id")
        .values("no_segregation")[:1]
    )
    during = events.filter(
        no_segregation=True,
        pgh_created_at__gt=OuterRef("started_at"),
        pgh_created_at__lt=OuterRef("until"),
    )
    return (
        segregations_in(facilities, start, end)
        .annotate(until=Coalesce("ended_at", Value(timezone.now())), at_start=Subquery(at_start))
        .filter(Q(at_start=True) | Exists(during) | Q(protection_raised_at__isnull=False))
    )


def segregations_too_long(facilities, start, end):
    """Indicator 17 (Mandela 43-44): more than 15 consecutive days, the days of earlier
    segregations of the same run counted (`run_start`), to the day it ended, or to today
    while it goes on. An end recorded late counts from the day it was recorded, by the
    record's history, whatever time it gives: until then she was segregated on the record."""
    limit = ExpressionWrapper(
        F("run_start") + timedelta(days=LONGEST_RUN_DAYS - 1), output_field=DateField()
    )
    end_recorded = (
        Segregation.pgh_event_model.objects.filter(
            pgh_obj_id=OuterRef("pk"), ended_at__isnull=False
        )
        .order_by("pgh_created_at", "pgh_id")
        .values("pgh_created_at")[:1]
    )
    ended = Greatest(TruncDate("ended_at"), TruncDate(Subquery(end_recorded)))
    last_day = Coalesce(ended, Value(timezone.localdate()))
    return (
        segregations_in(facilities, start, end)
        .annotate(last_day=last_day, limit=limit)
        .filter(Q(last_day__gt=F("limit")) | Q(planned_end__gt=F("limit")))
    )


class AgeInYears(Func):
    template = "EXTRACT(YEAR FROM AGE(%(expressions)s))::integer"
    output_field = IntegerField()


def segregations_of_girls(facilities, start, end):
    """Indicator 18 (Mandela 45.2): she was under 18 on the day it began."""
    return (
        segregations_in(facilities, start, end)
        .annotate(age=AgeInYears(F("start_date"), F("prisoner__date_of_birth")))
        .filter(age__lt=18)
    )


def sanctions_on_family_contact(facilities, start, end):
    """Indicator 19 (Rule 23): a sanction of a type or a privilege outside the lawful lists."""
    lawful = Q(type__in=SanctionType.values) & (Q(privilege="") | Q(privilege__in=Privilege.values))
    return sanctions_in(facilities, start, end).exclude(lawful)


def restrictions_on_children(facilities, start, end):
    """Indicator 19 (Rule 23): a restriction covering her children or all her family, by its
    own words, by naming a child of hers on the register, or a visitor who is her child."""
    words = pattern(CHILD_WORDS + ALL_WORDS, boundary=r"\y")
    full = Concat(Lower("given_names"), Value(" "), Lower("family_name"))
    her_child = (
        Child.objects.filter(mother=OuterRef("prisoner_id"))
        .annotate(full=full)
        .filter(
            Q(full=Lower(OuterRef("person_name"))) | Q(given_names__iexact=OuterRef("person_name"))
        )
    )
    return restrictions_in(facilities, start, end).filter(
        Q(covers_children=True)
        | Q(visitor__relationship="child")
        | Q(visitor__child__isnull=False)
        | Q(relationship__iregex=words)
        | Q(person_name__iregex=words)
        | Exists(her_child)
    )


def sanction_row(sanction: Sanction) -> Row:
    return Row(
        uuid=sanction.uuid,
        when=sanction.imposed_at,
        woman=sanction.prisoner,
        what=_("%(type)s, %(start)s to %(end)s")
        % {
            "type": sanction.get_type_display(),
            "start": sanction.starts_on,
            "end": sanction.ends_on,
        },
        url=reverse("discipline:charge", kwargs={"uuid": sanction.charge.uuid}),
    )


def segregation_row(segregation: Segregation) -> Row:
    return Row(
        uuid=segregation.uuid,
        when=segregation.started_at or segregation.authority_requested_at,
        woman=segregation.prisoner,
        what=_("%(kind)s, planned to end %(end)s")
        % {"kind": segregation.get_kind_display(), "end": segregation.planned_end},
        url=reverse("discipline:segregation", kwargs={"uuid": segregation.uuid}),
    )


def restriction_row(restriction: ContactRestriction) -> Row:
    return Row(
        uuid=restriction.uuid,
        when=restriction.starts_on,
        woman=restriction.prisoner,
        what=_("%(means)s restricted until %(end)s")
        % {"means": restriction.get_means_display(), "end": restriction.ends_on},
        url=reverse("prisoners:detail", kwargs={"uuid": restriction.prisoner.uuid})
        + "#section-discipline",
    )


_LISTS = [
    (
        "sanctions",
        gettext_lazy("Sanctions"),
        "22, 23",
        VIEW_SANCTION,
        sanctions_in,
        sanction_row,
    ),
    (
        "segregations",
        gettext_lazy("Segregations"),
        "22",
        VIEW_SEGREGATION,
        segregations_in,
        segregation_row,
    ),
    (
        "contact-restrictions",
        gettext_lazy("Contact restrictions"),
        "23",
        VIEW_RESTRICTION,
        restrictions_in,
        restriction_row,
    ),
]
LISTS = tuple(
    RecordList(key=key, title=title, rules=rules, perm=perm, records=records, row=row, order=order)
    for order, (key, title, rules, perm, records, row) in enumerate(_LISTS, start=40)
)
_ZEROS = [
    (
        "segregation-of-protected-women",
        gettext_lazy("Segregations of women under the 'No segregation' protection"),
        "22",
        VIEW_SEGREGATION,
        segregations_of_protected_women,
        segregation_row,
    ),
    (
        "segregation-over-15-days",
        gettext_lazy("Segregations longer than 15 consecutive days"),
        "M43",
        VIEW_SEGREGATION,
        segregations_too_long,
        segregation_row,
    ),
    (
        "segregation-of-girls",
        gettext_lazy("Segregations of girls under 18"),
        "M45",
        VIEW_SEGREGATION,
        segregations_of_girls,
        segregation_row,
    ),
    (
        "segregation-authority-refused",
        gettext_lazy("Segregations custody asked for that the governor refused"),
        "22",
        VIEW_SEGREGATION,
        segregations_asked,
        segregation_row,
    ),
    (
        "sanctions-on-family-contact",
        gettext_lazy("Sanctions prohibiting family contact"),
        "23",
        VIEW_SANCTION,
        sanctions_on_family_contact,
        sanction_row,
    ),
    (
        "restrictions-on-children",
        gettext_lazy("Contact restrictions covering her children or all her family"),
        "23",
        VIEW_RESTRICTION,
        restrictions_on_children,
        restriction_row,
    ),
]
ZEROS = tuple(
    MustBeZero(key=key, label=label, rule=rule, perm=perm, cases=cases, row=row, order=order)
    for order, (key, label, rule, perm, cases, row) in enumerate(_ZEROS, start=40)
)
# The moment that dates the records of those counted by it (`oversight.registry.RecordList`).
_DATED = {
    "sanctions": "imposed_at",
    "sanctions-on-family-contact": "imposed_at",
    "segregation-authority-refused": "authority_requested_at",
}
# The moment a record of those counted by it stops holding.
_UNTIL = {
    "segregations": "ended_at",
    "segregation-of-protected-women": "ended_at",
    "segregation-over-15-days": "ended_at",
    "segregation-of-girls": "ended_at",
    "contact-restrictions": "ends_on",
    "restrictions-on-children": "ends_on",
}
LISTS, ZEROS = (
    tuple(
        replace(item, dated=_DATED.get(item.key, ""), until=_UNTIL.get(item.key, ""))
        for item in declared
    )
    for declared in (LISTS, ZEROS)
)
