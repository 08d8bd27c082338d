"""Her visitor list (Rule 44): in view of women's disproportionate experience of domestic
violence, she is consulted as to who may visit her. A person is approved only with her
recorded agreement, or by a court order documented with its reference; a person she refused
stays refused; she may withdraw a visitor at any time."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.errors import RuleBroken
from prisoners.models import ADULT_AGE, age_on

from ..models import (
    Answer,
    CancelledBy,
    LinkStatus,
    Relationship,
    Visitor,
    VisitorStatus,
    VisitStatus,
    VisitVisitor,
)
from ..permissions import ADD_VISITOR, CHANGE_VISITOR
from .common import log, normal, require

if TYPE_CHECKING:
    from prisoners.models import Prisoner
    from register.models import Child
    from staff.models import User

KEEP = gettext_lazy("Only social workers keep her visitor list with her (Rule 44).")


def _age_fields(
    *, adult: bool, date_of_birth: date | None, age_given: int | None, child: Child | None
) -> tuple[bool, date | None, int | None]:
    """Adult or not, from the date of birth or the age when given (the register's for her
    own child on it)."""
    if child is not None:
        date_of_birth = child.date_of_birth
    if date_of_birth is not None:
        return age_on(date_of_birth, timezone.localdate()) >= ADULT_AGE, date_of_birth, None
    if age_given is not None:
        return age_given >= ADULT_AGE, None, age_given
    if not adult:
        raise ValidationError({"date_of_birth": _("Give a child's date of birth or age.")})
    return True, None, None


@transaction.atomic
def add_visitor(
    *,
    by: User,
    prisoner: Prisoner,
    name: str,
    relationship: str,
    relationship_detail: str = "",
    adult: bool = True,
    date_of_birth: date | None = None,
    age_given: int | None = None,
    contact_details: str = "",
    child: Child | None = None,
) -> Visitor:
    """Put a person on her visitor list, waiting for her to be consulted (Rule 44)."""
    prisoner = require(by, prisoner, ADD_VISITOR, message=KEEP)
    if child is not None:
        if child.mother_id != prisoner.id:
            raise ValidationError({"child": _("That child is not on her register.")})
        relationship = Relationship.CHILD
        name = name.strip() or f"{child.given_names} {child.family_name}".strip()
    adult, date_of_birth, age_given = _age_fields(
        adult=adult, date_of_birth=date_of_birth, age_given=age_given, child=child
    )
    visitor = Visitor(
        prisoner=prisoner,
        name=name.strip(),
        relationship=relationship,
        relationship_detail=relationship_detail.strip(),
        adult=adult,
        date_of_birth=date_of_birth,
        age_given=age_given,
        child=child,
        contact_details=contact_details.strip(),
        added_by=by,
    )
    visitor.full_clean()
    visitor.save()
    log(by, "visits.visitor_added", visitor, prisoner)
    return visitor


def _refused_before(visitor: Visitor) -> Visitor | None:
    """Her refusal of this person, on this entry or an earlier one of the same name."""
    if visitor.status == VisitorStatus.REFUSED:
        return visitor
    same = visitor.prisoner.visitors.filter(status=VisitorStatus.REFUSED).exclude(pk=visitor.pk)
    return next((v for v in same if normal(v.name) == normal(visitor.name)), None)


def refusal_stands(visitor: Visitor) -> RuleBroken:
    return RuleBroken(
        _(
            "She refused this person as a visitor: her refusal stands. Nobody she refused can "
            "be approved, except by a court order recorded with its reference"
        ),
        rule="44",
    )


@transaction.atomic
def record_consultation(
    *, by: User, visitor: Visitor, answer: str, language: str, consulted_at: datetime | None = None
) -> Visitor:
    """Record that she was consulted about a visitor, when, by whom, in which language, and
    her answer: she agrees (approved) or refuses (refused, and it stands) (Rule 44)."""
    prisoner = require(by, visitor.prisoner, CHANGE_VISITOR, message=KEEP)
    visitor = Visitor.objects.select_for_update().get(pk=visitor.pk)
    if answer not in Answer.values:
        raise ValidationError({"answer": _("Record her answer: she agrees or she refuses.")})
    if not (language or "").strip():
        raise ValidationError({"language": _("Say in which language she was consulted.")})
    if visitor.status == VisitorStatus.REFUSED or (
        answer == Answer.AGREES and _refused_before(visitor) is not None
    ):
        raise refusal_stands(visitor)
    if visitor.status != VisitorStatus.PROPOSED:
        raise ValidationError(_("Her answer about this visitor is already recorded."))
    consulted_at = consulted_at or timezone.now()
    if consulted_at > timezone.now():
        raise ValidationError({"consulted_at": _("That date and hour is in the future.")})
    visitor.consulted_at, visitor.consulted_by = consulted_at, by
    visitor.consultation_language, visitor.answer = language.strip(), answer
    agreed = answer == Answer.AGREES
    visitor.status = VisitorStatus.APPROVED if agreed else VisitorStatus.REFUSED
    visitor.full_clean()
    visitor.save()
    _settled(visitor, by=by)
    log(by, "visits.visitor_consulted", visitor, prisoner, answer=answer)
    return visitor


def _settled(visitor: Visitor, *, by: User) -> None:
    from .prison import visitor_settled

    visitor_settled(visitor, by=by)


@transaction.atomic
def approve_by_court_order(*, by: User, visitor: Visitor, reference: str, court: str) -> Visitor:
    """A court ordered that this person may visit her, whatever her answer: the order is
    recorded with its reference and court (the documented exception to Rule 44)."""
    prisoner = require(by, visitor.prisoner, CHANGE_VISITOR, message=KEEP)
    visitor = Visitor.objects.select_for_update().get(pk=visitor.pk)
    if not (reference or "").strip():
        raise ValidationError({"reference": _("Give the court order's reference.")})
    if not (court or "").strip():
        raise ValidationError({"court": _("Name the court that made the order.")})
    if visitor.status == VisitorStatus.APPROVED:
        raise ValidationError(_("This visitor is already approved."))
    visitor.court_order_reference, visitor.court = reference.strip(), court.strip()
    visitor.court_order_recorded_at, visitor.court_order_recorded_by = timezone.now(), by
    visitor.status = VisitorStatus.APPROVED
    visitor.full_clean()
    visitor.save()
    _settled(visitor, by=by)
    log(by, "visits.visitor_court_order", visitor, prisoner)
    return visitor


@transaction.atomic
def withdraw_visitor(*, by: User, visitor: Visitor) -> Visitor:
    """She withdraws a visitor, at any time (Rule 44): they can't be booked any more, and
    they are taken off the visits booked with them (a visit left with nobody is cancelled)."""
    prisoner = require(by, visitor.prisoner, CHANGE_VISITOR, message=KEEP)
    visitor = Visitor.objects.select_for_update().get(pk=visitor.pk)
    if visitor.status in (VisitorStatus.WITHDRAWN, VisitorStatus.REMOVED):
        raise ValidationError(_("This visitor is no longer on her list."))
    if visitor.status == VisitorStatus.REFUSED:
        raise ValidationError(_("She refused this person: her refusal stands as it is."))
    if visitor.by_court_order:
        raise ValidationError(_("A court ordered these visits: only a court can change that."))
    visitor.status = VisitorStatus.WITHDRAWN
    visitor.withdrawn_at, visitor.withdrawn_by = timezone.now(), by
    visitor.save(update_fields=["status", "withdrawn_at", "withdrawn_by"])
    _settled(visitor, by=by)
    take_off_booked_visits(
        visitor,
        by=by,
        cancelled_by=CancelledBy.HER,
        reason="She withdrew the visitor from her list.",
    )
    log(by, "visits.visitor_withdrawn", visitor, prisoner)
    return visitor


def take_off_booked_visits(visitor: Visitor, *, by: User, cancelled_by: str, reason: str) -> None:
    """A withdrawn visitor is taken off the visits booked with them (a status on the link:
    the visit keeps who was booked); a visit left with nobody (and no lawyer) is cancelled,
    by whoever withdrew them."""
    from .prison import visit_closed

    now = timezone.now()
    for visit in visitor.visits.filter(status=VisitStatus.BOOKED):
        VisitVisitor.objects.filter(visit=visit, visitor=visitor).update(
            status=LinkStatus.TAKEN_OFF, taken_off_at=now
        )
        if visit.visitors_on().exists() or visit.lawyer_name:
            continue
        visit.status, visit.cancelled_by = VisitStatus.CANCELLED, cancelled_by
        visit.cancel_reason = reason
        visit.closed_at, visit.closed_by = now, by
        visit.save(
            update_fields=["status", "cancelled_by", "cancel_reason", "closed_at", "closed_by"]
        )
        visit_closed(visit, by=by)
