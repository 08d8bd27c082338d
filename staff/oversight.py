"""Staff on oversight: the indicators of training and of women in senior posts (RULES-SPEC 3:
40-42; Rules 29, 33-35), in aggregate: the staff posted now to each facility, each counted
with the training valid on the last day of each period. Who they are is not shown."""

from django.db.models import BigIntegerField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from bangkok.dates import until_day
from facilities.scope import WORK_IN_FACILITY
from oversight.registry import OVERSEE, Indicator, present

from .models import Course, Employment, FacilityGrant, Gender, Grade, TrainingRecord
from .roles import ROLES

WITH_WOMEN = [role.code for role in ROLES.values() if role.works_with_women]


def _postings():
    """Each active member of staff's posting to a facility (`place`), from her account's
    creation; those whose role works with women prisoners (Rule 33.1)."""
    app_label, codename = WORK_IN_FACILITY.split(".", 1)
    return FacilityGrant.objects.filter(
        permission__codename=codename,
        permission__content_type__app_label=app_label,
        user__is_active=True,
        user__groups__name__in=WITH_WOMEN,
    ).annotate(place=Cast("object_pk", BigIntegerField()))


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
    return Q(user__gender=Gender.WOMAN)


INDICATORS = (
    Indicator(
        key="staff-gender-training",
        number="40",
        title=_("Staff working with women with valid training in their rights and needs"),
        rules="33.1",
        perm=OVERSEE,
        counts=present(
            _postings,
            "user__date_joined__date",
            None,
            _trained(Course.WOMENS_NEEDS),
            facility="place",
        ),
        target=100,
    ),
    Indicator(
        key="staff-hiv-selfharm-training",
        number="41",
        title=_("Staff working with women with valid HIV and suicide and self-harm training"),
        rules="34, 35",
        perm=OVERSEE,
        counts=present(
            _postings,
            "user__date_joined__date",
            None,
            _trained(Course.HIV, Course.MENTAL_HEALTH),
            facility="place",
        ),
        target=100,
    ),
    Indicator(
        key="women-in-senior-posts",
        number="42",
        title=_("Senior posts held by women"),
        rules="29",
        perm=OVERSEE,
        counts=present(
            lambda: _postings().filter(
                Exists(Employment.objects.filter(user=OuterRef("user"), grade=Grade.SENIOR))
            ),
            "user__date_joined__date",
            None,
            _woman,
            facility="place",
        ),
    ),
)
