"""Releases on oversight (Rules 45-47; Mandela 9): women released without a release plan, and
women released with their health continuity incomplete, each with the reason recorded. The
reason is the release officer's administrative one and says nothing clinical (Rule 8)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from admissions.models import Admission, Stage
from bangkok.dates import during
from oversight.registry import Indicator, RecordList, Row, once_past, share

from .models import HealthContinuity, RecordsCopy, ReleasePlan
from .permissions import VIEW


def _released(facilities, start, end):
    return (
        Admission.objects.filter(
            facility__in=facilities,
            stage=Stage.RELEASED,
            **during("released_at", start, end),
        )
        .select_related("prisoner")
        .order_by("-released_at", "-id")
    )


def without_plan(facilities, start, end):
    """Released with no plan started for the episode."""
    started = ReleasePlan.objects.filter(admission=OuterRef("pk"), started_at__isnull=False)
    return _released(facilities, start, end).filter(~Exists(started))


def health_incomplete(facilities, start, end):
    """Released with her health continuity not complete."""
    complete = HealthContinuity.objects.filter(plan__admission=OuterRef("pk"), complete=True)
    reason = ReleasePlan.objects.filter(admission=OuterRef("pk")).values("health_reason")[:1]
    return (
        _released(facilities, start, end)
        .filter(~Exists(complete))
        .annotate(health_reason=Subquery(reason))
    )


def without_plan_row(admission) -> Row:
    return Row(
        uuid=admission.uuid,
        when=admission.released_at,
        woman=admission.prisoner,
        what=_("Released without a release plan: %(reason)s")
        % {"reason": admission.release_reason},
        url=reverse("release:plan", args=[admission.uuid]),
    )


def health_row(admission) -> Row:
    reason = getattr(admission, "health_reason", "")
    return Row(
        uuid=admission.uuid,
        when=admission.released_at,
        woman=admission.prisoner,
        what=_("Released with health continuity incomplete. Reason recorded: %(reason)s")
        % {"reason": reason or _("none")},
        url=reverse("release:plan", args=[admission.uuid]),
    )


LISTS = (
    RecordList(
        key="releases-without-plan",
        title=gettext_lazy("Releases without a release plan"),
        rules="46, 47",
        perm=VIEW,
        records=without_plan,
        row=without_plan_row,
        order=80,
        keyset=("-released_at", "-id"),
        day="released_at",
    ),
    RecordList(
        key="releases-health-incomplete",
        title=gettext_lazy("Releases with health continuity incomplete"),
        rules="46",
        perm=VIEW,
        records=health_incomplete,
        row=health_row,
        order=81,
        keyset=("-released_at", "-id"),
        day="released_at",
    ),
)


def _plan_started(before=None):
    """Her plan for the episode was started before she left (and `before` that, if given)."""
    limit = OuterRef("released_at") - before if before else OuterRef("released_at")
    return Exists(
        ReleasePlan.objects.filter(
            admission=OuterRef("pk"), started_at__isnull=False, started_at__lte=limit
        )
    )


def _plan_in_time() -> Q:
    """Started `RELEASE_PLAN_START_DAYS` before her release or, for a stay shorter than that,
    before she left (Rule 46)."""
    ahead = timedelta(days=settings.RELEASE_PLAN_START_DAYS)
    return Q(_plan_started(ahead)) | (
        Q(admitted_at__gt=F("released_at") - ahead) & Q(_plan_started())
    )


def _releases():
    return Admission.objects.filter(stage=Stage.RELEASED, released_at__isnull=False)


INDICATORS = (
    Indicator(
        key="release-plans-in-time",
        number="47",
        title=gettext_lazy("Releases with her release plan started in time"),
        rules="46",
        perm=VIEW,
        counts=share(_releases, "released_at__date", _plan_in_time(), settles=once_past),
        target=100,
        records="releases-without-plan",
    ),
    Indicator(
        key="records-copy-at-release",
        number="48",
        title=gettext_lazy("Releases where she was offered a copy of her records"),
        rules="M9",
        perm=VIEW,
        counts=share(
            _releases,
            "released_at__date",
            Q(Exists(RecordsCopy.objects.filter(admission=OuterRef("pk")))),
            settles=once_past,
        ),
        target=100,
    ),
)
