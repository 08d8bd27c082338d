"""What the governor and the inspector oversee of searches (RULES-SPEC 3, indicators 12-15):
the searches of a facility and period, and the counts that must be zero, computed from the
records themselves (the staff as they were on the day, the training records valid on the day
of the search and confirmed before it), never assumed from the refusals; the strip searches,
as a count and per 100 women held a month."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from admissions.models import Admission
from authority.services import late_or_refused
from bangkok.dates import during
from oversight.registry import (
    COUNT,
    PER_MONTH,
    SMALLER,
    Indicator,
    MustBeZero,
    RecordList,
    Row,
    once_past,
    per_month,
    share,
    tally,
)
from staff.models import Course, Gender, TrainingRecord

from .models import (
    CHILD_SUBJECTS,
    PERSONAL_KINDS,
    Kind,
    Part,
    Search,
    SearchAuthorisation,
    SearchStaff,
    Subject,
)
from .permissions import VIEW
from .services.searches import HEALTH_ROLE


def searches_in(facilities, start, end):
    """Searches done in `facilities` between `start` and `end` (inclusive), newest first."""
    return (
        Search.objects.filter(facility__in=facilities, **during("searched_at", start, end))
        .select_related("prisoner", "unit", "facility")
        .order_by("-searched_at", "-id")
    )


def _searchers():
    return SearchStaff.objects.filter(search=OuterRef("pk"), part=Part.SEARCHER)


def _untrained(course: str):
    """A searcher without a valid `course` training on the day of the search."""
    valid = TrainingRecord.objects.filter(
        user=OuterRef("person"),
        course=course,
        completed__lte=OuterRef("day"),
        in_effect_from__lte=OuterRef("search__searched_at"),
    ).filter(Q(expires__isnull=True) | Q(expires__gte=OuterRef("day")))
    return Exists(
        _searchers().annotate(day=TruncDate("search__searched_at")).filter(~Exists(valid))
    )


def by_a_man(facilities, start, end):
    """Indicator 12 (Rule 19): personal searches of a woman with a searcher not a woman."""
    not_women = _searchers().exclude(gender=Gender.WOMAN)
    return searches_in(facilities, start, end).filter(
        Exists(not_women), subject=Subject.WOMAN, kind__in=PERSONAL_KINDS
    )


def women_searched_untrained(facilities, start, end):
    """Indicator 13 (Rule 19): a searcher without valid search-methods training."""
    return searches_in(facilities, start, end).filter(
        _untrained(Course.SEARCH_METHODS), subject=Subject.WOMAN, kind__in=PERSONAL_KINDS
    )


def children_searched_untrained(facilities, start, end):
    """Indicator 13 (Rule 21): a searcher without valid training in searching children."""
    return searches_in(facilities, start, end).filter(
        _untrained(Course.CHILD_SEARCHES), subject__in=CHILD_SUBJECTS
    )


def body_cavity_not_by_health(facilities, start, end):
    """Indicator 15 (Mandela Rule 52): a body cavity search with a searcher not health staff."""
    others = _searchers().exclude(role=HEALTH_ROLE)
    return searches_in(facilities, start, end).filter(Exists(others), kind=Kind.BODY_CAVITY)


def describe(search: Search) -> str:
    """What the search was, without a child's identity or anything found."""
    if search.subject == Subject.CELL:
        place = f"{search.unit.name}, {search.cell}" if search.unit else search.cell
        return _("Cell search: %(place)s (%(trigger)s)") % {
            "place": place,
            "trigger": search.get_trigger_display(),
        }
    return _("%(kind)s of %(whom)s (%(trigger)s)") % {
        "kind": search.get_kind_display(),
        "whom": {
            Subject.WOMAN: _("her"),
            Subject.CHILD_IN_PRISON: _("her child living with her"),
            Subject.CHILD_VISITOR: _("a child visiting her"),
        }[search.subject],
        "trigger": search.get_trigger_display(),
    }


def row(search: Search) -> Row:
    return Row(
        uuid=search.uuid,
        when=search.searched_at,
        woman=search.prisoner,
        what=describe(search),
        url=reverse("searches:detail", kwargs={"uuid": search.uuid}),
    )


def authorities_refused(facilities, start, end):
    """Authorities custody asked for a strip or body cavity search between `start` and `end`
    that the governor refused (Mandela 51)."""
    asked = SearchAuthorisation.objects.filter(
        facility__in=facilities,
        **during("authority_requested_at", start, end),
    )
    return late_or_refused(asked).select_related("prisoner").order_by("-id")


def authority_row(asked: SearchAuthorisation) -> Row:
    return Row(
        uuid=asked.uuid,
        when=asked.authority_requested_at,
        woman=asked.prisoner,
        what=_("%(kind)s asked for; authority refused") % {"kind": asked.get_kind_display()},
        url=reverse("prisoners:detail", kwargs={"uuid": asked.prisoner.uuid}),
    )


LISTS = (
    RecordList(
        key="searches",
        title=gettext_lazy("Searches"),
        rules="19-21",
        perm=VIEW,
        records=searches_in,
        row=row,
        order=30,
        day="searched_at",
    ),
)
_ZEROS = [
    (
        "searches-by-a-man",
        gettext_lazy("Personal searches of women by staff who are not women"),
        "19",
        by_a_man,
    ),
    (
        "searches-untrained",
        gettext_lazy("Searches of women by staff without valid search training"),
        "19",
        women_searched_untrained,
    ),
    (
        "searches-of-children-untrained",
        gettext_lazy("Searches of children by staff without valid training to search them"),
        "21",
        children_searched_untrained,
    ),
    (
        "body-cavity-not-health",
        gettext_lazy("Body cavity searches not by a health professional"),
        "M52",
        body_cavity_not_by_health,
    ),
]
ZEROS = (
    *(
        MustBeZero(
            key=key,
            label=label,
            rule=rule,
            perm=VIEW,
            cases=cases,
            row=row,
            order=order,
            day="searched_at",
        )
        for order, (key, label, rule, cases) in enumerate(_ZEROS, start=30)
    ),
    MustBeZero(
        key="search-authority-refused",
        dated="authority_requested_at",
        label=gettext_lazy("Strip or body cavity searches asked for that the governor refused"),
        rule="M51",
        perm=VIEW,
        cases=authorities_refused,
        row=authority_row,
        order=35,
    ),
)


def _women_searched():
    return Search.objects.filter(subject=Subject.WOMAN, kind__in=PERSONAL_KINDS)


def _strip_searches():
    return _women_searched().filter(kind=Kind.STRIP)


INDICATORS = (
    Indicator(
        key="searched-by-women",
        number="12",
        title=gettext_lazy("Personal searches of women by women staff only"),
        rules="19",
        perm=VIEW,
        counts=share(
            _women_searched,
            "searched_at__date",
            ~Q(Exists(_searchers().exclude(gender=Gender.WOMAN))),
            settles=once_past,
        ),
        target=100,
        cases=("searches-by-a-man",),
        records="searches",
    ),
    Indicator(
        key="searched-by-trained-staff",
        number="13",
        title=gettext_lazy("Personal searches of women by staff with valid search training"),
        rules="19, 21",
        perm=VIEW,
        counts=share(
            _women_searched,
            "searched_at__date",
            ~Q(_untrained(Course.SEARCH_METHODS)),
            settles=once_past,
        ),
        target=100,
        cases=("searches-untrained", "searches-of-children-untrained"),
        records="searches",
    ),
    Indicator(
        key="scanner-instead-of-strip",
        number="14",
        title=gettext_lazy("Scanner searches of all scanner and strip searches"),
        rules="20",
        perm=VIEW,
        counts=share(
            _women_searched,
            "searched_at__date",
            Q(kind=Kind.SCANNER),
            among=lambda: Q(kind__in=(Kind.SCANNER, Kind.STRIP)),
            settles=once_past,
        ),
        records="searches",
    ),
    Indicator(
        key="strip-searches",
        number="14",
        title=gettext_lazy("Strip searches of women"),
        rules="20",
        perm=VIEW,
        counts=tally(
            _women_searched,
            "searched_at__date",
            among=lambda: Q(kind=Kind.STRIP),
            settles=once_past,
        ),
        direction=SMALLER,
        unit=COUNT,
        order=101,
        records="searches",
    ),
    Indicator(
        key="strip-searches-per-100-women",
        number="14",
        title=gettext_lazy("Strip searches of women per 100 women held, a month"),
        rules="20",
        perm=VIEW,
        # Every woman received is held, in reception too: her days from her admission to
        # the day before her release.
        counts=per_month(
            _strip_searches,
            "searched_at__date",
            lambda: Admission.objects.all(),
            "admitted_at__date",
            "released_at__date",
        ),
        direction=SMALLER,
        unit=PER_MONTH,
        order=102,
        records="searches",
    ),
)
