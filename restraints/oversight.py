"""What the governor and the inspector oversee of restraints (Rule 24; Mandela 43.2;
RULES-SPEC 3, indicators 20-22): the restraints used in a facility and period, and the counts
that must be zero, computed from the restraint records themselves."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from oversight.registry import MustBeZero, RecordList, Row

from .models import Restraint
from .services import VIEW


def in_period(facilities, start, end):
    """Restraints on at any time from `start` to `end` (inclusive dates), newest first."""
    return (
        Restraint.objects.filter(facility__in=facilities, applied_at__date__lte=end)
        .filter(Q(removed_at__isnull=True) | Q(removed_at__date__gte=start))
        .select_related("prisoner")
        .order_by("-applied_at", "-id")
    )


def row(restraint: Restraint) -> Row:
    what = _("%(device)s, %(purpose)s, %(state)s") % {
        "device": restraint.get_device_display(),
        "purpose": restraint.get_purpose_display(),
        "state": _("still on") if restraint.is_applied else _("removed"),
    }
    return Row(
        uuid=restraint.uuid,
        when=restraint.applied_at,
        woman=restraint.prisoner,
        what=what,
        url=reverse("restraints:detail", kwargs={"uuid": restraint.uuid}),
    )


RECORDS = RecordList(
    key="restraints",
    title=_("Restraints"),
    rules="24; M43.2, M47-49",
    perm=VIEW,
    records=in_period,
    row=row,
    order=340,
)

ZEROS = [
    MustBeZero(
        key="restraints-obstetric",
        label=_("Restraints during labour, birth or immediately after birth"),
        rule="24",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).in_obstetric_period(),
        row=row,
        order=340,
    ),
    MustBeZero(
        key="restraints-punishment",
        label=_("Restraints used as a punishment"),
        rule="M43",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).as_punishment(),
        row=row,
        order=341,
    ),
    MustBeZero(
        key="restraints-without-health-approval",
        label=_("Restraints of women needing health approval, without an approved method"),
        rule="24",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).without_health_approval(),
        row=row,
        order=342,
    ),
]
