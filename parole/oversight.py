"""What the governor and the inspector oversee of leave, parole and protective custody
(Rules 45, 59, 63): leave granted and refused in a period (each refusal with its ground),
parole reviews, protective custody; and the counts that must be zero, from the records
themselves: a submitted parole review missing a section (Rule 63), protective custody
without her express request (Rule 59; with the breaches staff recorded of one that
happened anyway), and a refusal of leave on her conduct (Rule 23)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.dates import during, from_day, until_day
from bangkok.formats import human_day
from oversight.registry import MustBeZero, RecordList, Row

from .models import (
    ALLOWED_GROUNDS,
    HomeTransfer,
    LeaveRequest,
    LeaveStatus,
    ParoleReview,
    ProtectiveCustody,
    ReviewStatus,
)
from .services import HOME_PURSUED, VIEW_CUSTODY, VIEW_LEAVE, VIEW_PAROLE, VIEW_TRANSFER


def leave_decided(facilities, start, end):
    return (
        LeaveRequest.objects.filter(facility__in=facilities, **during("decided_at", start, end))
        .select_related("prisoner")
        .order_by("-decided_at", "-id")
    )


def leave_row(leave: LeaveRequest) -> Row:
    what = _("%(kind)s (%(reason)s): %(status)s") % {
        "kind": leave.get_kind_display(),
        "reason": leave.get_reason_display(),
        "status": leave.get_status_display(),
    }
    if leave.refusal_ground:
        what += _(", on the ground: %(ground)s") % {"ground": leave.get_refusal_ground_display()}
    if leave.outcome:
        what += f"; {leave.get_outcome_display()}"
    return Row(
        uuid=leave.uuid,
        when=leave.decided_at or leave.requested_at,
        woman=leave.prisoner,
        what=what,
        url=reverse("parole:leave", kwargs={"uuid": leave.uuid}),
    )


def reviews_in_period(facilities, start, end):
    return (
        ParoleReview.objects.filter(facility__in=facilities)
        .filter(Q(**during("prepared_at", start, end)) | Q(**during("submitted_at", start, end)))
        .select_related("prisoner")
        .order_by("-prepared_at", "-id")
    )


def review_row(review: ParoleReview) -> Row:
    what = _("Parole review for %(date)s: %(status)s") % {
        "date": human_day(review.eligibility_date),
        "status": review.get_status_display(),
    }
    if review.missing_sections:
        what += _(", missing %(missing)s") % {"missing": _(" and ").join(review.missing_sections)}
    return Row(
        uuid=review.uuid,
        when=review.submitted_at or review.prepared_at,
        woman=review.prisoner,
        what=what,
        url=reverse("parole:parole-review", kwargs={"uuid": review.uuid}),
    )


def custody_in_period(facilities, start, end):
    return (
        ProtectiveCustody.objects.filter(facility__in=facilities, **until_day("started_at", end))
        .filter(Q(ended_at__isnull=True) | Q(**from_day("ended_at", start)))
        .select_related("prisoner")
        .order_by("-started_at", "-id")
    )


def custody_row(custody: ProtectiveCustody) -> Row:
    if custody.is_current:
        state = _("current, supervised by %(authority)s") % {
            "authority": custody.supervising_authority
        }
    else:
        state = _("ended: %(why)s") % {"why": custody.get_end_reason_display()}
    return Row(
        uuid=custody.uuid,
        when=custody.started_at,
        woman=custody.prisoner,
        what=_("Protective custody, %(state)s") % {"state": state},
        url=reverse("parole:custody", kwargs={"uuid": custody.uuid}),
    )


LISTS = (
    RecordList(
        key="leave-granted",
        dated="decided_at",
        title=gettext_lazy("Home leave and temporary release granted"),
        rules="45",
        perm=VIEW_LEAVE,
        records=lambda f, s, e: leave_decided(f, s, e).filter(status=LeaveStatus.GRANTED),
        row=leave_row,
        order=400,
    ),
    RecordList(
        key="leave-refused",
        dated="decided_at",
        title=gettext_lazy("Home leave and temporary release refused, with their grounds"),
        rules="23, 45",
        perm=VIEW_LEAVE,
        records=lambda f, s, e: leave_decided(f, s, e).filter(status=LeaveStatus.REFUSED),
        row=leave_row,
        order=401,
    ),
    RecordList(
        key="parole-reviews",
        dated_by=("prepared_at", "submitted_at"),
        title=gettext_lazy("Parole reviews"),
        rules="63",
        perm=VIEW_PAROLE,
        records=reviews_in_period,
        row=review_row,
        order=402,
    ),
    RecordList(
        key="protective-custody",
        until="ended_at",
        title=gettext_lazy("Protective custody"),
        rules="59",
        perm=VIEW_CUSTODY,
        records=custody_in_period,
        row=custody_row,
        order=403,
    ),
)


def transfers_in_period(facilities, start, end):
    return (
        HomeTransfer.objects.filter(
            facility__in=facilities,
            **during("recorded_at", start, end),
        )
        .select_related("prisoner")
        .order_by("-recorded_at", "-id")
    )


def transfer_row(transfer: HomeTransfer) -> Row:
    return Row(
        uuid=transfer.uuid,
        when=transfer.recorded_at,
        woman=transfer.prisoner,
        what=_("Transfer home: %(status)s") % {"status": transfer.get_status_display()},
        url=reverse("parole:home-transfer", kwargs={"uuid": transfer.uuid}),
    )


ZEROS = (
    MustBeZero(
        key="leave-refused-for-conduct",
        dated="decided_at",
        label=gettext_lazy("Leave refused for her conduct or a disciplinary matter"),
        rule="23",
        perm=VIEW_LEAVE,
        cases=lambda f, s, e: (
            leave_decided(f, s, e)
            .filter(status=LeaveStatus.REFUSED)
            .exclude(refusal_ground__in=ALLOWED_GROUNDS)
        ),
        row=leave_row,
        order=400,
    ),
    MustBeZero(
        key="parole-reviews-missing-sections",
        dated_by=("prepared_at", "submitted_at"),
        label=gettext_lazy(
            "Parole reviews submitted without her caretaking responsibilities or "
            "reintegration needs"
        ),
        rule="63",
        perm=VIEW_PAROLE,
        cases=lambda f, s, e: (
            reviews_in_period(f, s, e)
            .filter(status=ReviewStatus.SUBMITTED)
            .filter(Q(caretaking="") | Q(reintegration=""))
        ),
        row=review_row,
        order=401,
    ),
    MustBeZero(
        key="protective-custody-imposed",
        until="ended_at",
        label=gettext_lazy(
            "Protective custody without her express request, or kept on after she withdrew it"
        ),
        rule="59",
        perm=VIEW_CUSTODY,
        cases=lambda f, s, e: custody_in_period(f, s, e).filter(
            Q(at_her_request=False) | Q(she_signed=False) | Q(her_words="")
        ),
        row=custody_row,
        order=402,
    ),
    MustBeZero(
        key="home-transfer-without-consent",
        dated="recorded_at",
        label=gettext_lazy(
            "Transfers home without her application or informed consent, or after she withdrew"
        ),
        rule="53.1",
        perm=VIEW_TRANSFER,
        cases=lambda f, s, e: transfers_in_period(f, s, e).filter(
            Q(status__in=HOME_PURSUED)
            & (Q(her_words="") | Q(consent_on__isnull=True) | Q(withdrawn_at__isnull=False))
        ),
        row=transfer_row,
        order=404,
    ),
)
