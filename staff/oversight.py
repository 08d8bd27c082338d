"""Staff on oversight: the indicators of training and of women in senior posts (RULES-SPEC 3:
40-42; Rules 29, 33-35), in aggregate, with the staff as they were on the last day of each
period: her postings to each facility, her role, whether her account was active, her grade
and her recorded gender then, read from their history (every grant and removal is an event
row, every change to her account and her post a version), and the training valid on that
day. History starts when it was first kept: a posting from before then is not counted. Who
they are is not shown."""

from django.apps import apps
from django.db.models import BigIntegerField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from bangkok.dates import until_day
from facilities.scope import WORK_IN_FACILITY
from oversight.registry import OVERSEE, Indicator, present

from .models import Course, Gender, Grade, TrainingRecord
from .roles import ROLES

WITH_WOMEN = [role.code for role in ROLES.values() if role.works_with_women]


def _events(name: str):
    return apps.get_model("staff", name).objects


def _postings():
    """Each posting of a member of staff to a facility (`place`), from the day she was
    granted it (`since`) to the day it was removed (`until`, empty while she holds it)."""
    app_label, codename = WORK_IN_FACILITY.split(".", 1)
    grants = _events("FacilityGrantEvent")
    removed = grants.filter(pgh_label="facility.removed", id=OuterRef("id"))
    return grants.filter(
        pgh_label="facility.granted",
        permission__codename=codename,
        permission__content_type__app_label=app_label,
    ).annotate(
        place=Cast("object_pk", BigIntegerField()),
        until=Subquery(removed.order_by("pgh_created_at").values("pgh_created_at")[:1]),
    )


def _then(events, day, field: str, **her):
    """Her `field` as her latest version by the end of the day recorded it."""
    return Subquery(
        events.filter(pgh_created_at__date__lte=day, **her)
        .order_by("-pgh_created_at", "-pgh_id")
        .values(field)[:1]
    )


def _working_with_women(day) -> Q:
    """On the day: her account active, and a role that works with women prisoners held."""
    roles = _events("RoleGrantEvent")
    removed = roles.filter(
        pgh_label="role.removed", id=OuterRef("id"), pgh_created_at__date__lte=day
    )
    held = roles.filter(
        ~Q(Exists(removed)),
        pgh_label="role.granted",
        user=OuterRef("user"),
        group__name__in=WITH_WOMEN,
        pgh_created_at__date__lte=day,
    )
    active = _then(_events("UserEvent"), day, "is_active", pgh_obj=OuterRef("user"))
    return Q(Exists(held)) & Q(Exact(active, True))


def _senior(day) -> Q:
    """Working with women on the day, in a senior post then."""
    grade = _then(_events("EmploymentEvent"), day, "grade", user=OuterRef("user"))
    return _working_with_women(day) & Q(Exact(grade, Grade.SENIOR))


def _trained(*courses: str):
    """Her training in each of `courses` valid on the day and confirmed by then."""

    def on(day) -> Q:
        found = Q()
        for course in courses:
            valid = TrainingRecord.objects.filter(
                user=OuterRef("user"),
                course=course,
                completed__lte=day,
                **until_day("in_effect_from", day),
            ).filter(Q(expires__isnull=True) | Q(expires__gte=day))
            found &= Q(Exists(valid))
        return found

    return on


def _woman(day) -> Q:
    """Her gender as recorded on the day."""
    gender = _then(_events("UserEvent"), day, "gender", pgh_obj=OuterRef("user"))
    return Q(Exact(gender, Gender.WOMAN))


def _posted(numerator, among=_working_with_women):
    return present(
        _postings,
        "pgh_created_at__date",
        "until__date",
        numerator,
        facility="place",
        among=among,
    )


INDICATORS = (
    Indicator(
        key="staff-gender-training",
        number="40",
        title=_("Staff working with women with valid training in their rights and needs"),
        rules="33.1",
        perm=OVERSEE,
        counts=_posted(_trained(Course.WOMENS_NEEDS)),
        target=100,
    ),
    Indicator(
        key="staff-hiv-selfharm-training",
        number="41",
        title=_("Staff working with women with valid HIV and suicide and self-harm training"),
        rules="34, 35",
        perm=OVERSEE,
        counts=_posted(_trained(Course.HIV, Course.MENTAL_HEALTH)),
        target=100,
    ),
    Indicator(
        key="women-in-senior-posts",
        number="42",
        title=_("Senior posts held by women"),
        rules="29",
        perm=OVERSEE,
        counts=_posted(_woman, among=_senior),
    ),
)
