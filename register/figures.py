"""What the register of children gives the annual statistics (Rules 3, 49-52, 64): counts of
children living in prison with their mothers and of women with dependent children outside,
never a child's identity (Rule 3.2)."""

from django.utils.translation import gettext_lazy as _

from bangkok.dates import until_day
from research.registry import Figure

from .models import Child


def with_mothers(facilities, start, end):
    return Child.objects.filter(
        mother__facility__in=facilities, lives_with_mother=True, **until_day("recorded_at", end)
    )


def dependants_outside(facilities, start, end):
    return Child.objects.filter(
        mother__facility__in=facilities,
        lives_with_mother=False,
        dependent=True,
        **until_day("recorded_at", end),
    )


FIGURES = (
    Figure(
        key="children-with-mothers",
        section="children",
        label=_("Children living in prison with their mothers"),
        rules="49-52",
        records=with_mothers,
        facility="mother__facility",
        order=10,
    ),
    Figure(
        key="women-with-dependants-outside",
        section="children",
        label=_("Women with dependent children outside"),
        rules="2.2, 3, 64",
        records=dependants_outside,
        facility="mother__facility",
        distinct="mother",
        order=20,
    ),
)
