"""Contact restrictions: a security measure, never a punishment (Bangkok Rule 23; Mandela
43.3). One means of contact with one named person, with a reason and an end date; never her
children, never all her family."""

import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from authority.registry import Authority
from authority.services import await_confirmation, sought, verbs_for
from bangkok.errors import RuleBroken
from complaints.models import AdverseKind
from complaints.services import hold_if_protected

from ..models import ContactMeans, ContactRestriction
from .common import RESTRICT, log, require

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
ALL_MEANS = re.compile(r"all|any|every|famil|child", re.IGNORECASE)


def pattern(words, boundary: str = r"\b") -> str:
    return boundary + "(" + "|".join(words) + ")" + boundary


def names_children_or_all(text: str) -> bool:
    words = pattern(CHILD_WORDS + ALL_WORDS)
    return re.search(words, text, re.IGNORECASE) is not None


def _refuse_children(field: str):
    return RuleBroken(
        _(
            "A contact restriction can't cover her children, nor all her family: family "
            "contact, especially with her children, is never prohibited"
        ),
        rule="23",
        field=field,
    )


def _names_her_child(prisoner, person_name: str) -> bool:
    """Whether the person named is one of her children on the register (Rule 3), checked
    without showing the register to the one who asks."""
    name = " ".join(person_name.lower().split())
    full = Concat(Lower("given_names"), Value(" "), Lower("family_name"))
    children = prisoner.children.annotate(full=full)
    return children.filter(Q(full=name) | Q(given_names__iexact=name)).exists()


def _check_rule_23(prisoner, *, means, person_name, relationship, covers_children) -> None:
    if covers_children:
        raise _refuse_children("covers_children")
    if means not in ContactMeans.values:
        if ALL_MEANS.search(means or ""):
            raise _refuse_children("means")
        raise ValidationError(
            {"means": _("Choose one means of contact: visits, calls or letters.")}
        )
    for field, text in (("relationship", relationship), ("person_name", person_name)):
        if names_children_or_all(text):
            raise _refuse_children(field)
    if _names_her_child(prisoner, person_name):
        raise _refuse_children("person_name")


def _required(value: str, field: str, message: str) -> str:
    if not (value or "").strip():
        raise ValidationError({field: message})
    return value.strip()


@transaction.atomic
def restrict_contact(
    *,
    by,
    prisoner,
    means: str,
    person_name: str,
    relationship: str,
    reason: str,
    ends_on: date | None,
    starts_on: date | None = None,
    covers_children: bool = False,
    held=None,
):
    """Restrict one means of contact with one person, for security and for a limited time
    (Mandela 43.3). Never her children and never all her family (Rule 23). Ordered, it
    awaits a governor's confirmation (hers, or another's) and is in force from `starts_on`
    once confirmed, the same step for every woman: one ordered while she is protected after
    a report is answered alike, and only its confirmation waits for both reviews (Rules 7.3,
    25.1). `held` is an older held action being carried out."""
    require(by, prisoner, RESTRICT, message=_("Only the governor restricts contact."))
    person_name = _required(person_name, "person_name", _("Name the person concerned."))
    relationship = _required(relationship, "relationship", _("Say who the person is to her."))
    _check_rule_23(
        prisoner,
        means=means,
        person_name=person_name,
        relationship=relationship,
        covers_children=covers_children,
    )
    reason = _required(reason, "reason", _("Give the security reason (Mandela Rule 43.3)."))
    starts_on = starts_on or timezone.localdate()
    if ends_on is None or ends_on < starts_on:
        raise ValidationError({"ends_on": _("Give the day it ends, on or after it starts.")})
    restriction = ContactRestriction(
        prisoner=prisoner,
        facility=prisoner.facility,
        means=means,
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
        summary=_("Restriction of %(means)s with %(person)s until %(day)s")
        % {"means": ContactMeans(means).label, "person": person_name, "day": ends_on},
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
        "day": restriction.ends_on.isoformat(),
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


def carry_out_restriction(*, by, prisoner, held, delay, days, **params):
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
