"""Equality on oversight (Mandela 2; Rules 54, 55): the outcomes of the period by group, for
the governor and the inspector, aggregate and with small cells suppressed (`outcomes`)."""

from django.utils.translation import gettext_lazy

from oversight.registry import Breakdown

from .outcomes import breakdown
from .permissions import OVERSEE_OUTCOMES

BREAKDOWNS = (
    Breakdown(
        key="equality-outcomes",
        title=gettext_lazy("Outcomes by group: equality of treatment"),
        rules="M2, 54, 55",
        perm=OVERSEE_OUTCOMES,
        table=breakdown,
        order=90,
    ),
)
