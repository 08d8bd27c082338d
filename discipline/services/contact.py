"""Contact restrictions: a security measure, never a punishment (Bangkok Rule 23; Mandela
43.3). One means of contact with one named person, with a reason and an end date; never her
children, never all her family."""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import date, timedelta
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from admissions.models import FamilyMember
from authority.registry import Authority
from authority.services import await_confirmation, sought, verbs_for
from bangkok.errors import RuleBroken
from bangkok.formats import human_day
from complaints.models import AdverseKind
from complaints.services import hold_if_protected

from ..models import ContactMeans, ContactRestriction
from .common import RESTRICT, log, require

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any
    from uuid import UUID

    from complaints.models import HeldAction
    from prisoners.models import Prisoner
    from staff.models import User
    from visits.models import Visitor

# Words that make a restriction cover her children or all her family (Rule 23). The same
# list is read as a Python pattern here and a PostgreSQL one by the oversight count.
CHILD_WORDS = (
    "child",
    "children",
    "son",
    "sons",
    "daughter",
    "daughters",
    "baby",
    "infant",
    "kid",
    "kids",
    "grandchild",
    "grandson",
    "granddaughter",
    "stepson",
    "stepdaughter",
    "stepchild",
)
ALL_WORDS = ("all", "any", "every", "everyone", "whole", "family", "relatives")
# How alike a name must be to a child's on the register to be taken for hers (0-1): a
# spelling of her name ("Somchay" for "Somchai") is her.
CHILD_NAME_LIKENESS = 0.8
ALL_MEANS = re.compile(r"all|any|every|famil|child", re.IGNORECASE)


def pattern(words: Iterable[str], boundary: str = r"\b") -> str:
    return boundary + "(" + "|".join(words) + ")" + boundary


def names_children_or_all(text: str) -> bool:
    words = pattern(CHILD_WORDS + ALL_WORDS)
    return re.search(words, text, re.IGNORECASE) is not None


def _refuse_children(field: str) -> RuleBroken:
    return RuleBroken(
        _(
            "A contact restriction can't cover her children, nor all her family: family "
            "contact, especially with her children, is never prohibited"
        ),
        rule="23",
        field=field,
    )


def _plain(name: str) -> str:
    """A name without case, accents or punctuation, for comparing spellings."""
    letters = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in letters if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


def _skeleton(name: str) -> str:
    """The sounds a transliteration keeps: each word's first letter and its consonants, once
    each ("Somchai" and "Somchay", "Srisuk" and "Srisook" alike)."""
    words = []
    for word in name.split():
        letters = word[0] + re.sub(r"[aeiouyhw]", "", word[1:])
        words.append(re.sub(r"(.)\1+", r"\1", letters))
    return " ".join(words)


def _names_her_child(prisoner: Prisoner, person_name: str) -> bool:
    """Whether the person named is, or may be, one of her children on the register (Rule 3):
    the same name, or a spelling of it, checked without showing the register to the one who
    asks."""
    name = _plain(person_name)
    for given, family in prisoner.children.values_list("given_names", "family_name"):
        full = _plain(f"{given} {family}")
        if family.strip() and _skeleton(name) == _skeleton(full):
            return True
        for spelling in {full, _plain(given)} - {""}:
            if SequenceMatcher(None, name, spelling).ratio() >= CHILD_NAME_LIKENESS:
                return True
    return False


def people_to_choose(viewer: User, prisoner: Prisoner) -> list[tuple[str, str]]:
    """(uuid, label) of the people a restriction may name: those on her visitor list the
    viewer sees, and her family record; never her children, who are not offered at all."""
    from visits.reading import visitors_for

    people = [
        (str(v.uuid), f"{v.name} ({v.relationship_detail or v.get_relationship_display()})")
        for v in visitors_for(viewer, prisoner)
        if not v.is_her_child
    ]
    people += [
        (str(m.uuid), f"{m.name} ({m.relationship})")
        for m in prisoner.family.all()
        if not names_children_or_all(m.relationship)
    ]
    return people


def _person(
    by: User, prisoner: Prisoner, person: str | UUID | Visitor | FamilyMember
) -> Visitor | FamilyMember:
    """The visitor or family member of hers `person` (a uuid, or the record) names."""
    from visits.models import Visitor
    from visits.reading import visitors_for

    if isinstance(person, Visitor | FamilyMember):
        person = person.uuid
    try:
        key = uuid.UUID(str(person))
    except ValueError:
        key = None
    found = key and (
        visitors_for(by, prisoner).filter(uuid=key).first()
        or prisoner.family.filter(uuid=key).first()
    )
    if not found:
        raise ValidationError(
            {"person": _("Choose a person on her visitor list or in her family record.")}
        )
    return found


def _check_rule_23(prisoner: Prisoner, *, means: str, person: Visitor | FamilyMember) -> None:
    """Never her children (a visitor linked as her child, a relationship that says so, or
    the name of a child of hers on the register in any spelling), never all her family."""
    from visits.models import Visitor

    if means not in ContactMeans.values:
        if ALL_MEANS.search(means or ""):
            raise _refuse_children("means")
        raise ValidationError(
            {"means": _("Choose one means of contact: visits, calls or letters.")}
        )
    if isinstance(person, Visitor):
        if person.is_her_child:
            raise _refuse_children("person")
        relationship = person.relationship_detail
    else:
        relationship = person.relationship
    if names_children_or_all(relationship) or names_children_or_all(person.name):
        raise _refuse_children("person")
    if _names_her_child(prisoner, person.name):
        raise _refuse_children("person")


def _required(value: str, field: str, message: str) -> str:
    if not (value or "").strip():
        raise ValidationError({field: message})
    return value.strip()


@transaction.atomic
def restrict_contact(
    *,
    by: User,
    prisoner: Prisoner,
    means: str,
    person: str | UUID | Visitor | FamilyMember,
    reason: str,
    ends_on: date | None,
    starts_on: date | None = None,
    held: HeldAction | None = None,
) -> ContactRestriction:
    """Restrict one means of contact with one person, for security and for a limited time
    (Mandela 43.3). The person is one on her visitor list or in her family record (`person`,
    its uuid), never a name typed in; never her children and never all her family (Rule 23).
    Ordered, it awaits a governor's confirmation (hers, or another's) and is in force from
    `starts_on` once confirmed, the same step for every woman: one ordered while she is
    protected after a report is answered alike, and only its confirmation waits for both
    reviews (Rules 7.3, 25.1). `held` is an older held action being carried out."""
    require(by, prisoner, RESTRICT, message=_("Only the governor restricts contact."))
    person = _person(by, prisoner, person)
    _check_rule_23(prisoner, means=means, person=person)
    person_name = person.name
    relationship = (
        person.relationship
        if isinstance(person, FamilyMember)
        else person.relationship_detail or person.get_relationship_display()
    )
    reason = _required(reason, "reason", _("Give the security reason (Mandela Rule 43.3)."))
    starts_on = starts_on or timezone.localdate()
    if ends_on is None or ends_on < starts_on:
        raise ValidationError({"ends_on": _("Give the day it ends, on or after it starts.")})
    if (ends_on - starts_on).days > settings.CONTACT_RESTRICTION_MAX_DAYS:
        raise RuleBroken(
            _(
                "A restriction of her contact lasts a limited time, at most %(days)s days: "
                "restrict it again then if it is still strictly needed"
            )
            % {"days": settings.CONTACT_RESTRICTION_MAX_DAYS},
            rule="M43",
            field="ends_on",
        )
    restriction = ContactRestriction(
        prisoner=prisoner,
        facility=prisoner.facility,
        means=means,
        visitor=None if isinstance(person, FamilyMember) else person,
        family_member=person if isinstance(person, FamilyMember) else None,
        person_name=person_name,
        relationship=relationship,
        covers_children=False,
        reason=reason,
        starts_on=starts_on,
        ends_on=ends_on,
        decided_by=by,
    )
    await_confirmation(RESTRICTIONS, restriction)
    restriction.full_clean()
    restriction.save()
    sought(RESTRICTIONS, restriction, by=by)
    hold_if_protected(
        by=by,
        prisoner=prisoner,
        kind=AdverseKind.CONTACT_RESTRICTION,
        summary=_lazy("Restriction of %(means)s with %(person)s until %(day)s"),
        summary_params={"means": ContactMeans(means).label, "person": person_name, "day": ends_on},
        params={"restriction": str(restriction.uuid)},
        carrying_out=held,
        record=restriction,
    )
    log(by, "discipline.contact_restricted", restriction, prisoner, means=means)
    return restriction


def _describe(restriction: ContactRestriction) -> str:
    return _("%(means)s with %(person)s until %(day)s") % {
        "means": restriction.get_means_display(),
        "person": restriction.person_name,
        "day": human_day(restriction.ends_on),
    }


# A governor's confirmation (`authority.services`): in force from `starts_on` once confirmed.
RESTRICTIONS = Authority(
    key="restrictions",
    model=ContactRestriction,
    perm=RESTRICT,
    title=_lazy("a contact restriction"),
    rule="M43",
    describe=_describe,
    url=lambda restriction: reverse("prisoners:detail", kwargs={"uuid": restriction.prisoner.uuid}),
    order=322,
)
confirm_restriction, refuse_restriction = verbs_for(RESTRICTIONS.key)


def carry_out_restriction(
    *, by: User, prisoner: Prisoner, held: HeldAction, delay: int, days: int, **params: Any
) -> ContactRestriction:
    """A restriction held, with nothing recorded, before every restriction awaited
    confirmation, released by both reviews: ordered now (starting as long after as was
    asked, lasting as long), awaiting confirmation as any."""
    starts_on = timezone.localdate() + timedelta(days=delay)
    return restrict_contact(
        by=by,
        prisoner=prisoner,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=days),
        held=held,
        **params,
    )


def visits_restricted_until(visitor: Visitor, day: date) -> date | None:
    """The end of the confirmed security restriction of visits with this person in force on
    `day`, if any (Mandela 43.3): one naming her on her list, or by the same name. Declared to
    the visits area (`visits.services.bookings.VisitBar`); her children are never kept from her
    (Rule 23) whatever a restriction names."""
    from authority.models import AuthorityState
    from visits.services.common import normal

    in_force = ContactRestriction.objects.filter(
        prisoner_id=visitor.prisoner_id,
        authority=AuthorityState.CONFIRMED,
        means=ContactMeans.VISITS,
        starts_on__lte=day,
        ends_on__gte=day,
    )
    return next(
        (
            r.ends_on
            for r in in_force
            if r.visitor_id == visitor.pk or normal(r.person_name) == normal(visitor.name)
        ),
        None,
    )
