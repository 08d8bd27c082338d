"""Admission verbs (Mandela Rule 7; Bangkok Rules 2.1 and 2.2)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Cast, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from authority.models import AuthorityState
from authority.registry import Authority
from authority.services import await_confirmation, seek, sought, verbs_for
from bangkok.errors import RuleBroken
from bangkok.hooks import takes
from bangkok.names import country_choices
from complaints.models import AdverseKind
from complaints.services import follow_her, hold_if_protected
from facilities.models import Facility
from facilities.scope import facilities_of
from prisoners.models import CustodyStatus, LegalStatus, Prisoner
from prisoners.permissions import access_prisoner, prisoners_visible_to
from prisoners.services import legal_status_changed, register_prisoner
from reminders.models import OPEN_STATUSES, Basis, Reminder, Status
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from . import gazetteer
from .models import (
    Admission,
    Allocation,
    CourtOutcome,
    Decision,
    FamilyMember,
    Kept,
    Outcome,
    Place,
    PropertyItem,
    RightsItem,
    RightsOffer,
    Stage,
    SuspensionRequest,
    Transfer,
    TransferProposal,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from typing import Any

    from django.db.models import QuerySet
    from django_stubs_ext import StrPromise

    from complaints.models import HeldAction
    from staff.models import User

ADMIT = "admissions.add_admission"
COMMITMENT_FIELDS = {
    "order_authority": gettext_lazy("issuing authority"),
    "order_legal_basis": gettext_lazy("legal basis"),
    "order_number": gettext_lazy("order number"),
    "order_date": gettext_lazy("order date"),
    "arrested_at": gettext_lazy("date and hour of arrest"),
    "arrest_place": gettext_lazy("place of arrest"),
}


def find_returning_woman(
    *,
    by: User,
    given_names: str = "",
    family_name: str = "",
    date_of_birth: date | None = None,
    prison_number: str = "",
) -> list[Prisoner]:
    """Women already on record who may be the one arriving, for the officer to confirm.

    Matches the prison number exactly; or the family name, narrowed by the date of birth and
    the first given name when given; or, for a woman whose family name changed, the date of
    birth with the first given name. The officer decides; nothing is merged automatically.
    """
    visible = prisoners_visible_to(by)
    found = visible.none()
    first_name = given_names.split()[0] if given_names.strip() else ""
    if prison_number.strip():
        found |= visible.filter(prison_number__iexact=prison_number.strip())
    if family_name.strip():
        same_family = visible.filter(family_name__iexact=family_name.strip())
        if date_of_birth:
            same_family = same_family.filter(date_of_birth=date_of_birth)
        if first_name:
            same_family = same_family.filter(given_names__icontains=first_name)
        found |= same_family
    if date_of_birth and first_name:
        found |= visible.filter(date_of_birth=date_of_birth, given_names__icontains=first_name)
    return list(found.distinct().select_related("facility")[:20])


def _check_commitment(commitment: dict, admitted_at: datetime) -> None:
    missing = [
        str(label)
        for name, label in COMMITMENT_FIELDS.items()
        if not str(commitment.get(name) or "").strip()
    ]
    if missing:
        raise RuleBroken(
            _("No admission without a valid commitment order: give the %(fields)s.")
            % {"fields": ", ".join(missing)},
            rule="M7",
        )
    if commitment["arrested_at"] > admitted_at:
        raise RuleBroken(
            _("She can't be received before she was arrested."), rule="M7", field="arrested_at"
        )


@transaction.atomic
def admit_woman(
    *,
    by: User,
    facility: Facility,
    commitment: dict,
    identity: dict | None = None,
    returning: Prisoner | None = None,
    admitted_at: datetime | None = None,
    received_from: str = "",
    interpreter_needed: bool = False,
    injuries_noted: bool = False,
) -> Admission:
    """Receive a woman into custody (Mandela Rule 7; Bangkok Rule 2).

    No admission without a valid commitment order. A returning woman is given a new episode
    on her existing record (`returning`, confirmed by the officer), never a second record.
    Schedules her entry health screening and, for a foreign national, the consular offer.

    A new woman's prison number is the next in the facility's series (`next_prison_number`):
    the pages and the API never take one, so no answer can tell the officer that a number
    she typed belongs to a woman in another facility. Only a trusted caller (the demo data,
    records brought over from another system) gives `identity` a number of its own.
    """
    if not by.has_perm(ADMIT):
        raise PermissionDenied(_("Your role can't admit a woman."))
    if not facilities_of(by).filter(pk=facility.pk).exists():
        raise PermissionDenied(_("You don't work in that facility."))
    admitted_at = admitted_at or timezone.now()
    _check_commitment(commitment, admitted_at)
    if returning is not None:
        prisoner = access_prisoner(by, returning.uuid)
        if prisoner.admissions.exclude(stage=Stage.RELEASED).exists():
            raise RuleBroken(_("She already has an open admission."), rule="M7")
        prisoner.facility, prisoner.unit = facility, None
        prisoner.custody_status = CustodyStatus.IN_CUSTODY
        prisoner.updated_at = timezone.now()
        prisoner.save(update_fields=["facility", "unit", "custody_status", "updated_at"])
    else:
        if not identity:
            raise ValidationError(_("Give her identity, or confirm her existing record."))
        if not identity.get("prison_number"):
            identity = {**identity, "prison_number": next_prison_number(facility)}
        prisoner = register_prisoner(by=by, facility=facility, **identity)
    admission = Admission(
        prisoner=prisoner,
        facility=facility,
        admitted_at=admitted_at,
        received_from=received_from,
        interpreter_needed=interpreter_needed,
        injuries_noted=injuries_noted,
        created_by=by,
        **{name: commitment[name] for name in COMMITMENT_FIELDS},
    )
    admission.full_clean()
    admission.save()
    _schedule_admission_reminders(admission)
    for declared in _AT_ADMISSION:
        declared.start(admission=admission)
    audit.record(
        by=by,
        action="admission.opened",
        subject=admission,
        facility=facility,
        detail={"returning": returning is not None},
    )
    return admission


def next_prison_number(facility: Facility) -> str:
    """The next number in the facility's series, "<code>-00001" onwards, never used before:
    women admitted here and since moved on keep theirs, and counting them from the database
    under a lock on the facility, one admission at a time, never gives a number twice."""
    Facility.objects.select_for_update().filter(pk=facility.pk).first()
    prefix = f"{facility.code}-"
    last = (
        Prisoner.objects.filter(prison_number__regex=rf"^{re.escape(prefix)}[0-9]+$")
        .annotate(serial=Cast(Substr("prison_number", len(prefix) + 1), models.BigIntegerField()))
        .aggregate(last=models.Max("serial"))["last"]
    )
    return f"{prefix}{(last or 0) + 1:05d}"


@dataclass(frozen=True)
class AtAdmission:
    """What an area starts when she is admitted (the consideration of her transfer home,
    Rule 53.1: `parole.hooks`): `start(admission=)`, run in the admission's transaction."""

    start: Callable[..., None]


_AT_ADMISSION: list[AtAdmission] = []
takes(AtAdmission, _AT_ADMISSION.append)


def _schedule_admission_reminders(admission: Admission) -> None:
    woman, at = admission.prisoner, admission.admitted_at
    schedule_reminder(
        key=f"health.screening:{admission.uuid}",
        kind="health.entry_screening",
        rule="6",
        title=gettext_lazy("Entry health screening due"),
        facility=admission.facility,
        assignee_role="health",
        prisoner=woman,
        due_at=at + timedelta(hours=settings.HEALTH_SCREENING_DUE_HOURS),
    )
    if admission.injuries_noted:
        # Mandela Rule 7(d): seen by health staff at once; the governor hears if not.
        schedule_reminder(
            key=f"health.injuries:{admission.uuid}",
            kind="health.injuries_at_reception",
            rule="M7",
            title=gettext_lazy("Urgent: see her about what was noted at reception"),
            facility=admission.facility,
            assignee_role="health",
            prisoner=woman,
            due_at=at,
            escalate_at=at + timedelta(hours=settings.INJURY_REVIEW_ESCALATE_HOURS),
        )
    if woman.is_foreign_national:
        schedule_reminder(
            key=f"admission.consular:{admission.uuid}",
            kind="admission.consular",
            rule="2.1",
            title=gettext_lazy("Offer consular contact"),
            facility=admission.facility,
            assignee_role="reception",
            prisoner=woman,
            due_at=at + timedelta(hours=settings.CONSULAR_OFFER_DUE_HOURS),
        )


def rights_due(admission: Admission) -> list[str]:
    """The Rule 2.1 items this woman must be offered."""
    items: list[str] = [RightsItem.FAMILY_CONTACT, RightsItem.LEGAL_ADVICE, RightsItem.INFORMATION]
    if admission.prisoner.is_foreign_national:
        items.append(RightsItem.CONSULAR)
    return items


@transaction.atomic
def record_rights_offer(
    *, by: User, admission: Admission, item: str, outcome: str, language: str, note: str = ""
) -> RightsOffer:
    """Record that a right was offered, when, by whom, in which language, and her answer
    (Rule 2.1). Declining is a complete answer. A later answer (accepted, then done)
    replaces the earlier one; the history keeps both."""
    if not by.has_perm(ADMIT):
        raise PermissionDenied(_("Your role can't record the admission checklist."))
    access_prisoner(by, admission.prisoner.uuid)
    if item not in rights_due(admission):
        raise ValidationError({"item": _("This right is not on her checklist.")})
    if outcome not in Outcome:
        raise ValidationError({"outcome": _("Answer accepted, done or declined.")})
    if not language.strip():
        raise ValidationError({"language": _("Say in which language it was offered (Rule 2.1).")})
    offer, _created = RightsOffer.objects.update_or_create(
        admission=admission,
        item=item,
        defaults={
            "outcome": outcome,
            "language": language.strip(),
            "note": note,
            "offered_by": by,
            "offered_at": timezone.now(),
        },
    )
    if item == RightsItem.CONSULAR:
        # Her answer, declining included, is the record that answers the task (Rule 2.1).
        resolve_reminder(key=f"admission.consular:{admission.uuid}", by=by, outcome=outcome)
    audit.record(
        by=by,
        action="admission.right_offered",
        subject=admission,
        facility=admission.facility,
        detail={"item": item, "outcome": outcome},
    )
    return offer


@transaction.atomic
def complete_admission(*, by: User, admission: Admission) -> Admission:
    """Move her out of reception: only when every Rule 2.1 item is answered and every
    dependent child outside has an arrangement or a recorded reason (Rule 2.2)."""
    if not by.has_perm(ADMIT):
        raise PermissionDenied(_("Your role can't complete an admission."))
    access_prisoner(by, admission.prisoner.uuid)
    admission = Admission.objects.select_for_update().get(pk=admission.pk)
    if admission.stage != Stage.RECEPTION:
        raise ValidationError(_("This admission is not in reception."))
    answered = set(admission.rights.values_list("item", flat=True))
    missing = [RightsItem(item).label for item in rights_due(admission) if item not in answered]
    if missing:
        raise RuleBroken(
            _("Every right must be offered and answered before admission is complete: %(items)s.")
            % {"items": "; ".join(str(m) for m in missing)},
            rule="2.1",
        )
    waiting = [c for c in admission.prisoner.children.all() if c.needs_arrangement]
    if waiting:
        raise RuleBroken(
            _(
                "A dependent child outside has no arrangement recorded, nor a reason why "
                "(%(n)s child(ren)). She may make arrangements before leaving reception."
            )
            % {"n": len(waiting)},
            rule="2.2",
        )
    admission.stage = Stage.ADMITTED
    admission.completed_at, admission.completed_by = timezone.now(), by
    admission.save(update_fields=["stage", "completed_at", "completed_by"])
    audit.record(
        by=by, action="admission.completed", subject=admission, facility=admission.facility
    )
    return admission


def checklist(admission: Admission) -> list[tuple[str, StrPromise, RightsOffer | None]]:
    """(item, label, her answer or None) for each right she must be offered."""
    answered = {offer.item: offer for offer in admission.rights.all()}
    return [(item, RightsItem(item).label, answered.get(item)) for item in rights_due(admission)]


def distances_from_home(prisoner: Prisoner) -> list[tuple]:
    """(facility, km) for every facility, nearest first; empty when home isn't recorded."""
    if prisoner.home_latitude is None:
        return []
    return sorted(
        ((facility, prisoner.home_distance_km(facility)) for facility in Facility.objects.all()),
        key=lambda pair: pair[1],
    )


def _km(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(f"{value:.1f}")


def _allocation(
    *,
    by: User,
    admission: Admission,
    facility: Facility,
    preference: Facility | None,
    programmes_needed: str,
    reason: str,
) -> Allocation:
    """The allocation decision, unsaved: distances from her home's coordinates; away from the
    facility nearest her home, or against her preference, refused without a written reason
    (Rule 4)."""
    ranked = distances_from_home(admission.prisoner)
    nearest, nearest_km = ranked[0] if ranked else (None, None)
    allocation = Allocation(
        admission=admission,
        facility=facility,
        preference=preference,
        nearest=nearest,
        nearest_km=_km(nearest_km),
        distance_km=_km(dict(ranked).get(facility)),
        caretaking=admission.prisoner.children.filter(dependent=True).exists(),
        programmes_needed=programmes_needed.strip(),
        reason=reason.strip(),
        decided_by=by,
    )
    if (allocation.departs_from_nearest or allocation.against_preference) and not allocation.reason:
        raise RuleBroken(
            _(
                "She is placed away from the facility nearest her home or against her "
                "preference: write the reason."
            ),
            rule="4",
            field="reason",
        )
    return allocation


@transaction.atomic
def allocate(
    *,
    by: User,
    admission: Admission,
    facility: Facility,
    preference: Facility | None = None,
    programmes_needed: str = "",
    reason: str = "",
) -> Allocation:
    """Decide where she is held (Rule 4). Distances come from her home's coordinates; a
    placement away from the nearest facility, or against her preference, is refused
    without a written reason."""
    if not by.has_perm("admissions.decide_allocation"):
        raise PermissionDenied(_("Your role can't decide allocations."))
    access_prisoner(by, admission.prisoner.uuid)
    allocation = _allocation(
        by=by,
        admission=admission,
        facility=facility,
        preference=preference,
        programmes_needed=programmes_needed,
        reason=reason,
    )
    allocation.full_clean()
    allocation.save()
    audit.record(
        by=by,
        action="admission.allocated",
        subject=admission,
        facility=admission.facility,
        detail={
            "facility": facility.code,
            "departs_from_nearest": allocation.departs_from_nearest,
            "against_preference": allocation.against_preference,
        },
    )
    return allocation


# Rule 4: her home, from which the allocation measures how far she is held. Those who decide
# allocations (reception, social workers, the governor) record it, at admission and later.
HOME = "admissions.decide_allocation"


@dataclass(frozen=True)
class Home:
    """A place she may call home: a town of the gazetteer or a place a facility added."""

    key: str
    name: str
    country: str
    latitude: Decimal
    longitude: Decimal
    added: bool = False


def place_of(by: User, key: str) -> Home | None:
    """The place a picker names (`geonames:<id>`, or `place:<uuid>` of a place one of the
    caller's facilities added), or None."""
    if key.startswith(gazetteer.PREFIX):
        town = gazetteer.town(key)
        if town is None:
            return None
        return Home(town.key, town.name, town.country, town.latitude, town.longitude)
    if key.startswith(PLACE_PREFIX):
        try:
            place_uuid = uuid.UUID(key.removeprefix(PLACE_PREFIX))
        except ValueError:
            return None
        place = Place.objects.filter(uuid=place_uuid, facility__in=facilities_of(by)).first()
        return None if place is None else home_at(place)
    return None


PLACE_PREFIX = "place:"


def home_at(place: Place) -> Home:
    return Home(
        f"{PLACE_PREFIX}{place.uuid}",
        place.name,
        place.country,
        place.latitude,
        place.longitude,
        added=True,
    )


@transaction.atomic
def record_home(*, by: User, prisoner: Prisoner, place: str) -> Prisoner:
    """Record her home town, or the place of her social rehabilitation, chosen from the
    gazetteer or the places her facility added (`place`, as the picker names it). Rule 4: she
    is allocated, as far as possible, close to it; every allocation and transfer after this
    measures its distances from here."""
    if not by.has_perm(HOME):
        raise PermissionDenied(_("Your role can't record her home."))
    prisoner = access_prisoner(by, prisoner.uuid)
    home = place_of(by, place.strip())
    if home is None:
        raise ValidationError({"place": _("Choose her home from the places found.")})
    Prisoner.objects.select_for_update().filter(pk=prisoner.pk).first()
    before = prisoner.home_place
    prisoner.home_place, prisoner.home_country = home.name, home.country
    prisoner.home_latitude, prisoner.home_longitude = home.latitude, home.longitude
    prisoner.updated_at = timezone.now()
    prisoner.full_clean()
    prisoner.save(
        update_fields=[
            "home_place",
            "home_country",
            "home_latitude",
            "home_longitude",
            "updated_at",
        ]
    )
    audit.record(
        by=by,
        action="prisoner.home_recorded",
        subject=prisoner,
        facility=prisoner.facility,
        detail={
            "rule": "4",
            "place": home.key,
            "name": home.name,
            "country": home.country,
            "before": before,
        },
    )
    return prisoner


@transaction.atomic
def add_place(
    *,
    by: User,
    facility: Facility,
    name: str,
    country: str,
    latitude: Decimal,
    longitude: Decimal,
) -> Place:
    """A town, village or place of rehabilitation the gazetteer doesn't know, added by a
    facility with its coordinates so that her home can be recorded there (Rule 4). A place is
    named once per country in a facility."""
    if not by.has_perm(HOME):
        raise PermissionDenied(_("Your role can't add places."))
    if not facilities_of(by).filter(pk=facility.pk).exists():
        raise PermissionDenied(_("You don't work in that facility."))
    name, country = " ".join(name.split()), country.strip().upper()
    if country not in dict(country_choices()):
        raise ValidationError({"country": _("Choose the country from the list.")})
    taken = ValidationError(
        {"name": _("This facility has already added a place of that name in that country.")}
    )
    if Place.objects.filter(facility=facility, name__iexact=name, country=country).exists():
        raise taken
    place = Place(
        facility=facility,
        name=name,
        country=country,
        latitude=latitude,
        longitude=longitude,
        added_by=by,
    )
    place.full_clean()
    try:
        with transaction.atomic():  # two adding it at once: the database keeps one
            place.save()
    except IntegrityError:
        raise taken from None
    audit.record(
        by=by,
        action="place.added",
        subject=place,
        facility=facility,
        detail={"name": name, "country": country},
    )
    return place


FAMILY = "admissions.keep_family"
READ_FAMILY = "admissions.view_familymember"


@transaction.atomic
def record_family_member(
    *,
    by: User,
    prisoner: Prisoner,
    name: str,
    relationship: str,
    contact: str = "",
    emergency_contact: bool = False,
    next_of_kin: bool = False,
) -> FamilyMember:
    """Her family members, emergency contact and next of kin (Mandela Rule 7(f)(g))."""
    if not by.has_perm(FAMILY):
        raise PermissionDenied(_("Your role can't record her family."))
    prisoner = access_prisoner(by, prisoner.uuid)
    member = FamilyMember(
        prisoner=prisoner,
        name=name.strip(),
        relationship=relationship.strip(),
        contact=contact.strip(),
        emergency_contact=emergency_contact,
        next_of_kin=next_of_kin,
        recorded_by=by,
    )
    member.full_clean()
    member.save()
    audit.record(by=by, action="family.recorded", subject=member, facility=prisoner.facility)
    return member


# Mandela Rules 7(e) and 67: her property.
KEEP_PROPERTY = "admissions.add_propertyitem"
CHANGE_ADMISSION = "admissions.change_admission"


def _open_episode(by: User, admission: Admission, perm: str, refusal: str) -> Admission:
    """The admission, locked, if `by` holds `perm` and sees her; refused once she is released."""
    if not by.has_perm(perm):
        raise PermissionDenied(refusal)
    access_prisoner(by, admission.prisoner.uuid)
    admission = (
        Admission.objects.select_for_update().select_related("prisoner").get(pk=admission.pk)
    )
    if admission.stage == Stage.RELEASED:
        raise ValidationError(_("She has been released: this episode is closed."))
    return admission


@transaction.atomic
def record_property(
    *, by: User, admission: Admission, description: str, quantity: int = 1, kept: str = Kept.STORED
) -> PropertyItem:
    """Add a line to her property inventory (Mandela Rule 7(e)). A line added after she
    signed the inventory needs her signature again (Mandela Rule 67(1))."""
    admission = _open_episode(
        by, admission, KEEP_PROPERTY, _("Your role can't record her property.")
    )
    item = PropertyItem(
        admission=admission,
        description=description.strip(),
        quantity=quantity,
        kept=kept,
        recorded_by=by,
    )
    item.full_clean()
    item.save()
    if admission.property_signed_at is not None:
        admission.property_signed_at = None
        admission.save(update_fields=["property_signed_at"])
    audit.record(by=by, action="property.recorded", subject=item, facility=admission.facility)
    return item


@transaction.atomic
def sign_property_inventory(*, by: User, admission: Admission) -> Admission:
    """Record that she signed the inventory of her property (Mandela Rule 67(1))."""
    admission = _open_episode(
        by, admission, KEEP_PROPERTY, _("Your role can't record her property.")
    )
    if not admission.property.exists():
        raise ValidationError(_("The inventory is empty: record her property first."))
    admission.property_signed_at = timezone.now()
    admission.save(update_fields=["property_signed_at"])
    audit.record(
        by=by, action="property.inventory_signed", subject=admission, facility=admission.facility
    )
    return admission


# Rule 2.2: a reasonable suspension of detention to arrange her children's care.
REQUEST_SUSPENSION = "admissions.add_suspensionrequest"
DECIDE_SUSPENSION = "admissions.change_suspensionrequest"
READ_SUSPENSION = "admissions.view_suspensionrequest"


def _suspension_key(request: SuspensionRequest) -> str:
    return f"admission.suspension:{request.uuid}"


@transaction.atomic
def request_suspension(
    *,
    by: User,
    admission: Admission,
    authority: str,
    period: str = "",
    grounds: str = "",
    requested_at: datetime | None = None,
) -> SuspensionRequest:
    """Record her request for a reasonable suspension of detention, sent to the competent
    authority (Rule 2.2). Social workers are asked to follow it up if it is still undecided
    after SUSPENSION_FOLLOW_UP_HOURS."""
    admission = _open_episode(
        by,
        admission,
        REQUEST_SUSPENSION,
        _("Your role can't record a request for suspension of detention."),
    )
    requested_at = requested_at or timezone.now()
    if requested_at > timezone.now():
        raise ValidationError({"requested_at": _("That date is in the future.")})
    request = SuspensionRequest(
        admission=admission,
        authority=authority.strip(),
        period=period.strip(),
        grounds=grounds.strip(),
        requested_at=requested_at,
        recorded_by=by,
    )
    request.full_clean()
    request.save()
    schedule_reminder(
        key=_suspension_key(request),
        kind="admission.suspension_follow_up",
        rule="2.2",
        basis=Basis.CONFIG,
        title=gettext_lazy("Follow up her request for suspension of detention"),
        facility=admission.prisoner.facility,
        assignee_role="social",
        prisoner=admission.prisoner,
        due_at=requested_at + timedelta(hours=settings.SUSPENSION_FOLLOW_UP_HOURS),
    )
    audit.record(by=by, action="suspension.requested", subject=request, facility=admission.facility)
    return request


@transaction.atomic
def decide_suspension(
    *,
    by: User,
    request: SuspensionRequest,
    outcome: str,
    decided_at: datetime | None = None,
    note: str = "",
) -> SuspensionRequest:
    """Record the competent authority's decision on her request (Rule 2.2), or that she
    withdrew it. A decision recorded is final; a new request is a new record."""
    if not by.has_perm(DECIDE_SUSPENSION):
        raise PermissionDenied(_("Your role can't record this decision."))
    access_prisoner(by, request.admission.prisoner.uuid)
    request = SuspensionRequest.objects.select_for_update().get(pk=request.pk)
    if request.outcome != Decision.PENDING:
        raise ValidationError(_("The outcome of this request is already recorded."))
    if outcome not in Decision or outcome == Decision.PENDING:
        raise ValidationError({"outcome": _("Choose granted, refused or withdrawn.")})
    decided_at = decided_at or timezone.now()
    if decided_at < request.requested_at or decided_at > timezone.now():
        raise ValidationError(
            {"decided_at": _("The decision date must fall between the request and now.")}
        )
    request.outcome, request.decided_at, request.decision_note = outcome, decided_at, note.strip()
    request.full_clean()
    request.save(update_fields=["outcome", "decided_at", "decision_note"])
    cancel_reminder(key=_suspension_key(request), by=by, reason=outcome)
    audit.record(
        by=by,
        action="suspension.decided",
        subject=request,
        facility=request.admission.facility,
        detail={"outcome": outcome},
    )
    return request


# Transfers and release, each with date and hour, on the same episode (Mandela Rule 7(c)).
TRANSFER = "admissions.add_transfer"


def _check_moment(moment: datetime, admission: Admission, field: str) -> None:
    if moment > timezone.now():
        raise ValidationError({field: _("That date and hour is in the future.")})
    if moment < admission.admitted_at:
        raise ValidationError({field: _("That is before she was received.")})
    last = admission.transfers.order_by("-moved_at").first()
    if last is not None and moment < last.moved_at:
        raise ValidationError({field: _("That is before her last transfer.")})


def _check_transfer(proposal: TransferProposal, *, by: User) -> Allocation:
    """What a transfer needs, when it is proposed and again when it is confirmed: a completed
    admission still open, a new facility, and the allocation decision it is (Rule 4), with
    its reason. Returns that decision, unsaved, as `by` makes it."""
    admission = proposal.admission
    if admission.stage == Stage.RELEASED:
        raise ValidationError(_("She has been released: this episode is closed."))
    if admission.stage != Stage.ADMITTED:
        raise ValidationError(_("Complete her admission before transferring her."))
    if proposal.to_facility_id == admission.prisoner.facility_id:
        raise ValidationError({"to_facility": _("She is already held there.")})
    allocation = _allocation(
        by=by,
        admission=admission,
        facility=proposal.to_facility,
        preference=proposal.preference,
        programmes_needed=proposal.programmes_needed,
        reason=proposal.reason,
    )
    if not proposal.reason.strip():
        raise ValidationError({"reason": _("Write the reason for the transfer.")})
    return allocation


@transaction.atomic
def propose_transfer(
    *,
    by: User,
    admission: Admission,
    to_facility: Facility,
    reason: str,
    preference: Facility | None = None,
    programmes_needed: str = "",
    held: HeldAction | None = None,
) -> TransferProposal:
    """Propose moving her to another facility on the same episode. Every transfer is an
    allocation decision (Rule 4): away from the facility nearest her home, or against her
    preference, it is refused without a written reason, now and again at confirmation.

    It takes effect only when a governor of her facility confirms it with her own sign-in
    (`confirm_transfer`): proposed by the governor herself, hers or another governor's;
    proposed by reception, any governor's. Every woman's transfer goes through that step, so
    one proposed while she is protected after a report (Rules 7.3, 25.1) is recorded and
    answered the same way, and only its confirmation waits for both reviews. `held` is an
    older held action being carried out."""
    admission = _open_episode(by, admission, TRANSFER, _("Your role can't transfer a woman."))
    if not by.has_perm(DECIDE_ALLOCATION):
        raise PermissionDenied(_("Your role can't transfer a woman."))
    prisoner = admission.prisoner
    proposal = TransferProposal(
        admission=admission,
        prisoner=prisoner,
        facility=prisoner.facility,
        to_facility=to_facility,
        preference=preference,
        programmes_needed=programmes_needed.strip(),
        reason=reason.strip(),
        proposed_by=by,
    )
    _check_transfer(proposal, by=by)
    if pending_transfers(admission).exists():
        raise ValidationError(_("A transfer of hers already awaits a governor's confirmation."))
    if by.has_perm(CONFIRM_TRANSFER):
        await_confirmation(TRANSFERS, proposal)
    else:
        seek(TRANSFERS, proposal, by=by)
    proposal.full_clean()
    proposal.save()
    sought(TRANSFERS, proposal, by=by)
    hold_if_protected(
        by=by,
        prisoner=prisoner,
        kind=AdverseKind.TRANSFER,
        summary=gettext_lazy("Transfer to %(facility)s: %(reason)s"),
        summary_params={"facility": to_facility.name, "reason": reason},
        params={"proposal": str(proposal.uuid)},
        carrying_out=held,
        record=proposal,
    )
    audit.record(
        by=by,
        action="admission.transfer_proposed",
        subject=proposal,
        facility=proposal.facility,
        detail={"to": to_facility.code},
    )
    return proposal


# A governor's confirmation (`authority.services` calls these)


def _check_at_confirmation(proposal: TransferProposal) -> None:
    """The episode is still open and she is still where it moves her from, and Rule 4 again:
    her home or the facilities may have changed since it was proposed."""
    proposal.admission = Admission.objects.select_for_update().get(pk=proposal.admission_id)
    _check_transfer(proposal, by=proposal.proposed_by)
    if proposal.admission.prisoner.facility_id != proposal.facility_id:
        raise ValidationError(_("She has moved since this transfer was proposed."))


def _on_confirmed(proposal: TransferProposal, *, by: User) -> list[str]:
    """She moves now, on the episode, with the allocation decision that justifies it; her open
    tasks and her complaints go with her (Rule 4; Mandela Rule 7(c))."""
    allocation = _check_transfer(proposal, by=proposal.proposed_by)
    allocation.full_clean()
    allocation.save()
    prisoner = proposal.admission.prisoner
    move = Transfer.objects.create(
        admission=proposal.admission,
        from_facility_id=prisoner.facility_id,
        to_facility=proposal.to_facility,
        moved_at=timezone.now(),
        allocation=allocation,
        recorded_by=by,
    )
    prisoner.facility, prisoner.unit = proposal.to_facility, None
    prisoner.updated_at = timezone.now()
    prisoner.save(update_fields=["facility", "unit", "updated_at"])
    Reminder.objects.filter(prisoner=prisoner, status__in=OPEN_STATUSES).update(
        facility=proposal.to_facility
    )
    follow_her(
        by=by, prisoner=prisoner, from_facility=move.from_facility, to_facility=move.to_facility
    )
    for declared in _AT_TRANSFER:
        declared.start(by=by, transfer=move)
    audit.record(
        by=by,
        action="admission.transferred",
        subject=move,
        facility=move.from_facility,
        detail={"to": move.to_facility.code},
    )
    proposal.transfer = move
    return ["transfer"]


def _describe_transfer(proposal: TransferProposal) -> str:
    return _("%(from)s to %(to)s: %(reason)s") % {
        "from": proposal.facility.code,
        "to": proposal.to_facility.code,
        "reason": proposal.reason,
    }


CONFIRM_TRANSFER = "admissions.confirm_transfer"
DECIDE_ALLOCATION = "admissions.decide_allocation"
TRANSFERS = Authority(
    key="transfers",
    model=TransferProposal,
    perm=CONFIRM_TRANSFER,
    title=gettext_lazy("a transfer to another facility"),
    rule="4",
    describe=_describe_transfer,
    url=lambda proposal: reverse("admissions:detail", kwargs={"uuid": proposal.admission.uuid}),
    check=_check_at_confirmation,
    confirmed=_on_confirmed,
    undecided={"ended_at__isnull": True},
    related=("prisoner", "facility", "authority_requested_by", "to_facility", "admission"),
    order=150,
)
confirm_transfer, refuse_transfer = verbs_for(TRANSFERS.key)


def pending_transfers(admission: Admission) -> QuerySet[TransferProposal]:
    """Her transfers proposed on this episode and still awaiting a governor's confirmation."""
    return admission.transfer_proposals.filter(
        authority=AuthorityState.PENDING, ended_at__isnull=True
    ).select_related("to_facility", "facility")


@dataclass(frozen=True)
class ReleaseCheck:
    """What must be done before she leaves custody, declared by the area that knows it (her
    release plan's health continuity, her copy of her records: `release.hooks`):
    `check(admission=, released_at=)` raises `RuleBroken` naming its rule, or returns. Run
    under the admission's lock, whatever the door and whatever time the release is dated."""

    check: Callable[..., None]


_RELEASE_CHECKS: list[ReleaseCheck] = []
takes(ReleaseCheck, _RELEASE_CHECKS.append)


@dataclass(frozen=True)
class AtRelease:
    """What an area ends or asks for when she leaves custody (her protective custody ended:
    `parole.hooks`; a girl's parent or guardian told: `girls.hooks`): `end(by=, admission=,
    released_at=)`, run in the release's transaction after the checks and after her open tasks
    are cancelled."""

    end: Callable[..., None]


_AT_RELEASE: list[AtRelease] = []
takes(AtRelease, _AT_RELEASE.append)


@dataclass(frozen=True)
class AtCourtOutcome:
    """What an area starts when a court changes her legal status (her classification reviewed
    after sentencing: `classification.hooks`; a sentenced foreign national's transfer home
    considered: `parole.hooks`): `start(by=, outcome=)`, run in the outcome's transaction."""

    start: Callable[..., None]


_AT_COURT_OUTCOME: list[AtCourtOutcome] = []
takes(AtCourtOutcome, _AT_COURT_OUTCOME.append)


@transaction.atomic
def record_court_outcome(
    *,
    by: User,
    admission: Admission,
    legal_status: str,
    decided_on: date,
    court: str,
    reference: str = "",
    sentence: str = "",
) -> CourtOutcome:
    """A court's decision changes her legal status during the episode (convicted, sentenced,
    detained under another law). Her record says so from now on; the areas that act on it are
    told (`AtCourtOutcome`), and custody are asked to move her when her unit holds women the
    Rules now keep apart from her (Mandela 11). An acquittal or a release by the court is her
    release (`release`), not an outcome."""
    admission = _open_episode(
        by, admission, CHANGE_ADMISSION, _("Your role can't record a court's decision.")
    )
    prisoner = Prisoner.objects.select_for_update().get(pk=admission.prisoner_id)
    errors = {}
    if legal_status not in LegalStatus.values:
        errors["legal_status"] = _("Choose her legal status from the list.")
    elif legal_status == prisoner.legal_status:
        errors["legal_status"] = _("That is her legal status already.")
    court, reference, sentence = court.strip(), reference.strip(), sentence.strip()
    if not court:
        errors["court"] = _("Name the court.")
    if legal_status == LegalStatus.SENTENCED and not sentence:
        errors["sentence"] = _("Give the sentence as the court gave it.")
    if decided_on > timezone.localdate():
        errors["decided_on"] = _("That date is in the future.")
    elif decided_on < timezone.localdate(admission.arrested_at):
        errors["decided_on"] = _("That is before she was arrested: check the date.")
    if errors:
        raise ValidationError(errors)
    outcome = CourtOutcome.objects.create(
        admission=admission,
        from_status=prisoner.legal_status,
        to_status=legal_status,
        decided_on=decided_on,
        court=court,
        reference=reference,
        sentence=sentence,
        recorded_by=by,
    )
    prisoner.legal_status, prisoner.updated_at = legal_status, timezone.now()
    prisoner.save(update_fields=["legal_status", "updated_at"])
    admission.prisoner = prisoner
    legal_status_changed(prisoner=prisoner)
    for declared in _AT_COURT_OUTCOME:
        declared.start(by=by, outcome=outcome)
    audit.record(
        by=by,
        action="admission.court_outcome",
        subject=outcome,
        facility=admission.facility,
        detail={"from": outcome.from_status, "to": legal_status},
    )
    return outcome


@dataclass(frozen=True)
class AtTransfer:
    """What an area starts when she moves to another facility (her parent or guardian told,
    for a girl: `girls.hooks`): `start(by=, transfer=)`, run in the move's transaction."""

    start: Callable[..., None]


_AT_TRANSFER: list[AtTransfer] = []
takes(AtTransfer, _AT_TRANSFER.append)


@transaction.atomic
def release(
    *,
    by: User,
    admission: Admission,
    reason: str,
    released_at: datetime | None = None,
    property_returned: bool = False,
) -> Admission:
    """Close the episode: she leaves custody on a date and hour, for a recorded reason. Her
    property is returned to her and she signs for it (Mandela Rule 67(2)); what the areas
    declare must be done first is done (`ReleaseCheck`); what they hold open for her in
    custody ends (`AtRelease`); her open tasks are cancelled."""
    admission = _open_episode(by, admission, CHANGE_ADMISSION, _("Your role can't release her."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why she is released.")})
    released_at = released_at or timezone.now()
    _check_moment(released_at, admission, "released_at")
    kept = admission.property.filter(returned_at__isnull=True, kept=Kept.STORED)
    if kept.exists() and not property_returned:
        raise RuleBroken(
            _(
                "Her property kept in store must be returned to her on release, against her "
                "signature: confirm that it was."
            ),
            rule="M67",
            field="property_returned",
        )
    for declared in _RELEASE_CHECKS:
        declared.check(admission=admission, released_at=released_at)
    now = timezone.now()
    kept.update(returned_at=now, returned_by=by)
    admission.stage, admission.released_at = Stage.RELEASED, released_at
    admission.release_reason = reason.strip()
    admission.save(update_fields=["stage", "released_at", "release_reason"])
    prisoner = admission.prisoner
    prisoner.custody_status, prisoner.unit = CustodyStatus.RELEASED, None
    prisoner.updated_at = now
    prisoner.save(update_fields=["custody_status", "unit", "updated_at"])
    Reminder.objects.filter(prisoner=prisoner, status__in=OPEN_STATUSES).update(
        status=Status.CANCELLED, closed_at=now, closed_by=by, outcome="released"
    )
    # After her tasks in custody are cancelled: what an area asks for with her release (a
    # girl's parent or guardian told of it) stays open.
    for ending in _AT_RELEASE:
        ending.end(by=by, admission=admission, released_at=released_at)
    # A transfer still awaiting confirmation ends with the episode and leaves the queue.
    pending_transfers(admission).update(ended_at=now)
    audit.record(by=by, action="admission.released", subject=admission, facility=prisoner.facility)
    return admission


def carry_out_transfer(
    *,
    by: User,
    prisoner: Prisoner,
    held: HeldAction,
    admission: str,
    to_facility: int,
    preference: int | None,
    **params: Any,
) -> TransferProposal:
    """A transfer held, with nothing recorded, before every transfer awaited a governor's
    confirmation, released by both reviews: proposed now, awaiting confirmation as any."""
    return propose_transfer(
        by=by,
        admission=Admission.objects.get(uuid=admission),
        to_facility=Facility.objects.get(pk=to_facility),
        preference=Facility.objects.get(pk=preference) if preference else None,
        held=held,
        **params,
    )
