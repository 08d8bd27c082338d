"""What complaints give the governor and the inspector to oversee (Rules 7, 25; Mandela 57):
complaints and held actions by period, and the counts that must be zero. A complaint that
names the viewer is left out of every list and count, and so is a held action against a woman
whose complaint names the viewer."""

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from bangkok.dates import before_day, during
from oversight.registry import Indicator, MustBeZero, RecordList, Row, share

from .models import Complaint, ComplaintStatus, HeldAction, HeldStatus, Kind
from .permissions import named_in_hers, not_named_in_hers


def _complaints(facilities, start, end):
    return Complaint.objects.filter(
        facility__in=facilities, **during("received_at", start, end)
    ).select_related("prisoner")


def _not_naming(queryset, user):
    return queryset.not_naming(user)


def _complaint_row(complaint) -> Row:
    what = _("%(kind)s: %(subject)s (%(status)s)") % {
        "kind": complaint.get_kind_display(),
        "subject": complaint.get_subject_display(),
        "status": complaint.get_status_display(),
    }
    url = reverse("complaints:detail", args=[complaint.uuid])
    return Row(complaint.uuid, complaint.received_at, complaint.prisoner, what, url)


def _status_row(complaint) -> Row:
    what = _("A complaint or report (%(status)s)") % {"status": complaint.get_status_display()}
    return Row(complaint.uuid, complaint.received_at, complaint.prisoner, what)


def overdue(facilities, start, end):
    """Past the deadline to acknowledge it, or to answer it (Mandela 57)."""
    now = timezone.now()
    open_ = [ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED]
    return _complaints(facilities, start, end).filter(
        Q(status=ComplaintStatus.RECEIVED, acknowledge_by__lt=now)
        | Q(status__in=open_, reply_by__lt=now)
    )


def without_plan_the_same_day(facilities, start, end):
    """Reports of abuse whose protection plan wasn't made the day it was received
    (Rule 25.1): made later, or still missing after that day."""
    today = timezone.localdate()
    reports = _complaints(facilities, start, end).filter(kind=Kind.ABUSE_REPORT)
    return reports.filter(
        Q(protection_plan__isnull=True, **before_day("received_at", today))
        | Q(protection_plan__made_at__date__gt=F("received_at__date"))
    )


def _held(facilities, start, end):
    return HeldAction.objects.filter(
        facility__in=facilities, **during("requested_at", start, end)
    ).select_related("prisoner")


def released_without_both_reviews(facilities, start, end):
    """Adverse actions carried out without both reviews finding no retaliation (Rules 7.3,
    25.1)."""
    return (
        _held(facilities, start, end)
        .filter(status=HeldStatus.RELEASED)
        .filter(
            Q(safeguarding_at__isnull=True)
            | Q(governor_at__isnull=True)
            | Q(safeguarding_finds_retaliation=True)
            | Q(governor_finds_retaliation=True)
        )
    )


def _held_row(held) -> Row:
    what = f"{held.get_kind_display()}: {held.asked} ({held.get_status_display()})"
    url = reverse("complaints:held", args=[held.uuid])
    return Row(held.uuid, held.requested_at, held.prisoner, what, url)


_COMPLAINT_ORDER = ("-received_at", "-id")

LISTS = (
    RecordList(
        "complaints",
        _lazy("Complaints and reports of abuse"),
        "7, 25",
        "complaints.view_complaint",
        _complaints,
        _complaint_row,
        order=400,
        keyset=_COMPLAINT_ORDER,
        viewer_filter=_not_naming,
        hidden=Complaint.objects.naming,
        dated="received_at",
    ),
    RecordList(
        "held-actions",
        _lazy("Actions held after a report"),
        "7.3, 25.1",
        "complaints.view_heldaction",
        _held,
        _held_row,
        order=410,
        keyset=("-requested_at", "-id"),
        viewer_filter=not_named_in_hers,
        hidden=named_in_hers,
        dated="requested_at",
    ),
)
ZEROS = (
    MustBeZero(
        "complaints-overdue",
        _lazy("Complaints not acknowledged or answered in time"),
        "M57",
        "complaints.view_complaint_status",
        overdue,
        _status_row,
        order=400,
        keyset=_COMPLAINT_ORDER,
        viewer_filter=_not_naming,
        hidden=Complaint.objects.naming,
        dated="received_at",
    ),
    MustBeZero(
        "abuse-reports-without-plan",
        _lazy("Reports of abuse without a protection plan the same day"),
        "25.1",
        "complaints.view_complaint",
        without_plan_the_same_day,
        _complaint_row,
        order=410,
        keyset=_COMPLAINT_ORDER,
        viewer_filter=_not_naming,
        hidden=Complaint.objects.naming,
        dated="received_at",
    ),
    MustBeZero(
        "adverse-actions-unreviewed",
        _lazy("Adverse actions after a report carried out without review"),
        "7.3",
        "complaints.view_heldaction",
        released_without_both_reviews,
        _held_row,
        order=420,
        keyset=("-requested_at", "-id"),
        viewer_filter=not_named_in_hers,
        hidden=named_in_hers,
        dated="requested_at",
    ),
)


def _reports():
    return Complaint.objects.filter(kind=Kind.ABUSE_REPORT)


STATUS = "complaints.view_complaint_status"
INDICATORS = (
    Indicator(
        key="abuse-reports-plan-same-day",
        number="25",
        title=_lazy("Reports of abuse with a protection plan the same day"),
        rules="25.1",
        perm=STATUS,
        counts=share(
            _reports,
            "received_at__date",
            Q(protection_plan__made_at__date__lte=F("received_at__date")),
        ),
        target=100,
        cases=("abuse-reports-without-plan",),
    ),
    Indicator(
        key="abuse-reports-referred",
        number="26",
        title=_lazy("Reports of abuse referred to an authority when she wished legal action"),
        rules="7.1, M71",
        perm=STATUS,
        counts=share(
            _reports,
            "received_at__date",
            Q(referred_at__isnull=False),
            among=lambda: Q(wishes_legal_action=True),
        ),
        target=100,
    ),
    Indicator(
        key="abuse-reports-support",
        number="27",
        title=_lazy("Reports of abuse where psychological support was offered"),
        rules="7.2, 25.2",
        perm=STATUS,
        counts=share(
            _reports, "received_at__date", Q(psychological_support_offered_at__isnull=False)
        ),
        target=100,
    ),
    Indicator(
        key="complaints-answered-in-time",
        number="29",
        title=_lazy("Complaints answered by their deadline, of those answered or past it"),
        rules="M57",
        perm=STATUS,
        counts=share(
            lambda: Complaint.objects.filter(kind=Kind.COMPLAINT).filter(
                Q(reply_by__lte=timezone.now()) | Q(replied_at__isnull=False)
            ),
            "received_at__date",
            Q(replied_at__lte=F("reply_by")),
        ),
        cases=("complaints-overdue",),
    ),
)
