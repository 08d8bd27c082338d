"""Equality on oversight (Mandela 2; Rules 54, 55): the outcomes of the period by group, for
the governor and the inspector, aggregate and with small cells suppressed (`outcomes`)."""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy

from admissions.models import Admission, Stage
from bangkok.dates import after_day, until_day
from oversight.registry import MONITOR, Breakdown, Indicator, present

from .models import Consent
from .outcomes import breakdown, counted_ahead, dated, read, whole
from .permissions import OVERSEE_OUTCOMES

BREAKDOWNS = (
    Breakdown(
        key="equality-outcomes",
        title=gettext_lazy("Outcomes by group: equality of treatment"),
        rules="M2, 54, 55",
        perm=OVERSEE_OUTCOMES,
        table=breakdown,
        order=90,
        ahead=counted_ahead,
        read=read,
        whole=whole,
        dated=dated,
    ),
)


def _consented(day) -> Q:
    given = Consent.objects.filter(
        prisoner=OuterRef("prisoner"), **until_day("given_at", day)
    ).filter(Q(withdrawn_at__isnull=True) | Q(**after_day("withdrawn_at", day)))
    return Q(Exists(given))


INDICATORS = (
    Indicator(
        key="characteristics-with-consent",
        number="",
        title=gettext_lazy("Women in custody whose characteristics are recorded with her consent"),
        rules="M2, 54, 55",
        perm=OVERSEE_OUTCOMES,
        counts=present(
            Admission.objects.all,
            "admitted_at__date",
            "released_at__date",
            _consented,
            among=lambda day: ~Q(stage=Stage.RECEPTION),
        ),
        direction=MONITOR,
    ),
)
