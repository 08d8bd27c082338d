"""Contact other than visits, and support for a family far away (Rule 26): video and
telephone calls, letters, and travel support (what was given, e.g. travel costs paid), with
an approved visitor or with one of her children on the register."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reminders.services import resolve_reminder

from ..models import Contact, ContactKind, Visitor, VisitorStatus
from ..permissions import ADD_CONTACT
from .bookings import not_on_her_list
from .common import log, require
from .reminders import family_contact_prefix

if TYPE_CHECKING:
    from prisoners.models import Prisoner
    from register.models import Child
    from staff.models import User


def _with_whom(prisoner: Prisoner, visitor: Visitor | None, child: Child | None) -> None:
    if visitor is None and child is None:
        raise ValidationError({"visitor": _("Say with whom: an approved visitor or her child.")})
    if visitor is not None and (
        visitor.prisoner_id != prisoner.id or visitor.status != VisitorStatus.APPROVED
    ):
        raise not_on_her_list(_("That person"))
    if child is not None and child.mother_id != prisoner.id:
        raise ValidationError({"child": _("That child is not on her register.")})


@transaction.atomic
def record_contact(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    at: datetime | None = None,
    visitor: Visitor | None = None,
    child: Child | None = None,
    support: str = "",
) -> Contact:
    """Record a call, a letter or travel support for her family (Rule 26); it answers the
    reminder about family contact."""
    prisoner = require(
        by, prisoner, ADD_CONTACT, message=_("Your role can't record her family contact.")
    )
    if kind not in ContactKind.values:
        raise ValidationError({"kind": _("Choose the kind of contact.")})
    if visitor is not None:
        visitor = Visitor.objects.get(pk=visitor.pk)  # as it stands now, not as it was read
    _with_whom(prisoner, visitor, child)
    at = at or timezone.now()
    if at > timezone.now():
        raise ValidationError({"at": _("That date and hour is in the future.")})
    support = (support or "").strip()
    if kind == ContactKind.TRAVEL_SUPPORT and not support:
        raise ValidationError({"support": _("Say what support was given to her family.")})
    contact = Contact(
        prisoner=prisoner,
        kind=kind,
        at=at,
        visitor=visitor,
        child=child,
        support=support,
        recorded_by=by,
    )
    contact.full_clean()
    contact.save()
    resolve_reminder(key_prefix=family_contact_prefix(prisoner), by=by, outcome="Contact recorded")
    log(by, "visits.contact_recorded", contact, prisoner, kind=kind)
    return contact
