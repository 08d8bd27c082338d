"""Equality and faith (Bangkok Rules 54, 55; Mandela Rules 2, 65, 66).

- Her consent (`give_consent`, `withdraw_consent`): her characteristics are recorded only
  while she consents, to the member of staff she gave it to. A withdrawal erases them (the
  values are blanked; the row keeps no history of them) and they leave every page and every
  count from then on. The audit rows name the questions answered, never the answers.
- Her characteristics (`record_characteristics`): in her words, each question optional, and
  "prefers not to say" an answer; never guessed by staff (the service asks that they are hers).
- Her faith needs (`record_faith_need`, `provide_for_need`, `end_faith_need`; Mandela 66,
  Rule 54).
- The facility's representatives of each faith (`add_representative`, `change_representative`;
  Mandela 65.1).
- A representative's visit (Mandela 65.3): asked for by her (`ask_for_visit`), never refused,
  and not yet arranged after EQUALITY_FAITH_VISIT_DAYS it reaches the governor; offered by a
  representative (`offer_visit`), which she may refuse (`answer_offer`), and a visit she
  refused is never arranged (`arrange_visit`); closed as held, withdrawn by her or because she
  left (`close_visit`), never as refused by the facility.

Never used for security (Mandela 2): `bangkok.protected` refuses her characteristics passed
to a security decision, and the areas that make them import nothing of this app.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from facilities.scope import may_act
from reminders.services import resolve_reminder, schedule_reminder

from .models import (
    VALUES,
    AskedBy,
    Characteristics,
    Closing,
    Consent,
    Disability,
    FaithNeed,
    FaithVisit,
    NeedKind,
    Religion,
    Representative,
    VisitStatus,
)
from .permissions import ARRANGE, ASK_VISIT, KEEP_NEEDS, KEEP_PROVISION, RECORD

if TYPE_CHECKING:
    from facilities.models import Facility
    from prisoners.models import Prisoner
    from staff.models import User

VISIT_KIND = "equality.faith_visit"
GOVERNOR = "governor"
FAITHS = [value for value in Religion.values if value not in ("none", "prefer_not")]


def _words(value: str | None) -> str:
    return " ".join((value or "").split())


def folded(words: str) -> str:
    """Her words as counted with the women who say the same (case and spaces folded)."""
    return _words(words).casefold()


def consent_in_force(prisoner: Prisoner) -> Consent | None:
    return prisoner.equality_consents.filter(withdrawn_at__isnull=True).first()


@transaction.atomic
def give_consent(
    *, by: User, prisoner: Prisoner, given_at: datetime | None = None, given_to: User | None = None
) -> Consent:
    """She consents to the recording of her characteristics, to `given_to` (the recorder if not
    named), now or at `given_at`."""
    may_act(by, RECORD, prisoner.facility, _("Your role doesn't record her characteristics."))
    now = timezone.now()
    given_at = given_at or now
    if given_at > now:
        raise ValidationError({"given_at": _("Record her consent once she has given it.")})
    if consent_in_force(prisoner) is not None:
        raise ValidationError({NON_FIELD_ERRORS: _("Her consent is already recorded.")})
    consent = Consent.objects.create(
        prisoner=prisoner, facility=prisoner.facility, given_at=given_at, given_to=given_to or by
    )
    audit.record(
        by=by, action="equality.consent_given", subject=consent, facility=prisoner.facility
    )
    return consent


def _erase(row: Characteristics) -> list[str]:
    """Blank every value she gave; the names of the answers erased, for the audit row."""
    erased = row.answered
    for name in VALUES:
        setattr(row, name, "")
    row.ethnicity_withheld = row.orientation_withheld = row.identity_withheld = False
    row.consent, row.erased_at = None, timezone.now()
    row.save()
    return erased


@transaction.atomic
def withdraw_consent(*, by: User, prisoner: Prisoner) -> Consent:
    """She withdraws her consent: her characteristics are erased at once, and leave every page,
    answer and count from then on. The audit row names the questions erased, not the answers."""
    may_act(by, RECORD, prisoner.facility, _("Your role doesn't record her characteristics."))
    consent = (
        Consent.objects.select_for_update().filter(prisoner=prisoner, withdrawn_at__isnull=True)
    ).first()
    if consent is None:
        raise ValidationError({NON_FIELD_ERRORS: _("She has no consent in force to withdraw.")})
    row = Characteristics.objects.select_for_update().filter(prisoner=prisoner).first()
    erased = _erase(row) if row is not None else []
    consent.withdrawn_at, consent.withdrawn_to = timezone.now(), by
    consent.save(update_fields=["withdrawn_at", "withdrawn_to"])
    audit.record(
        by=by,
        action="equality.consent_withdrawn",
        subject=consent,
        facility=prisoner.facility,
        detail={"erased": erased},
    )
    return consent


def _choice(name: str, value: str, choices: list[str]) -> str:
    if value and value not in choices:
        raise ValidationError({name: _("Choose from the list.")})
    return value


@transaction.atomic
def record_characteristics(
    *,
    by: User,
    prisoner: Prisoner,
    in_her_words: bool,
    ethnicity: str = "",
    ethnicity_withheld: bool = False,
    religion: str = "",
    religion_words: str = "",
    disability: str = "",
    adjustments: str = "",
    sexual_orientation: str = "",
    orientation_withheld: bool = False,
    gender_identity: str = "",
    identity_withheld: bool = False,
) -> Characteristics:
    """Record what she says of herself (Rules 54, 55), replacing what she said before. Only
    with her consent in force; only her own words, never what staff think (`in_her_words`);
    every question optional, and "prefers not to say" an answer."""
    may_act(by, RECORD, prisoner.facility, _("Your role doesn't record her characteristics."))
    if not in_her_words:
        raise ValidationError(
            {"in_her_words": _("Record only what she says of herself, never what you think.")}
        )
    consent = consent_in_force(prisoner)
    if consent is None:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Record her consent first: nothing is recorded without it.")}
        )
    ethnicity, religion_words = _words(ethnicity), _words(religion_words)
    sexual_orientation, gender_identity = _words(sexual_orientation), _words(gender_identity)
    for text, withheld, name in (
        (ethnicity, ethnicity_withheld, "ethnicity"),
        (sexual_orientation, orientation_withheld, "sexual_orientation"),
        (gender_identity, identity_withheld, "gender_identity"),
    ):
        if text and withheld:
            raise ValidationError({name: _("Either her words or that she prefers not to say.")})
    values = {
        "ethnicity": ethnicity,
        "ethnicity_key": folded(ethnicity),
        "ethnicity_withheld": ethnicity_withheld,
        "religion": _choice("religion", religion, Religion.values),
        "religion_words": religion_words,
        "disability": _choice("disability", disability, Disability.values),
        "adjustments": (adjustments or "").strip() if disability == Disability.YES else "",
        "sexual_orientation": sexual_orientation,
        "orientation_withheld": orientation_withheld,
        "gender_identity": gender_identity,
        "identity_withheld": identity_withheld,
    }
    row = Characteristics.objects.select_for_update().filter(prisoner=prisoner).first()
    if row is None:
        row = Characteristics(prisoner=prisoner, facility=prisoner.facility)
    for name, value in values.items():
        setattr(row, name, value)
    row.consent, row.recorded_by, row.recorded_at, row.erased_at = consent, by, timezone.now(), None
    row.save()
    audit.record(
        by=by,
        action="equality.characteristics_recorded",
        subject=row,
        facility=prisoner.facility,
        detail={"answered": row.answered},
    )
    return row


@transaction.atomic
def record_faith_need(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    detail: str,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> FaithNeed:
    """A need of her faith she asks to be provided for, in her words (Mandela 66; Rule 54)."""
    may_act(by, KEEP_NEEDS, prisoner.facility, _("Your role doesn't keep her faith needs."))
    _choice("kind", kind, NeedKind.values)
    if not kind:
        raise ValidationError({"kind": _("Choose the kind of need.")})
    detail = _words(detail)
    if not detail:
        raise ValidationError({"detail": _("Say what she asks for, in her words.")})
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The last day comes after the first.")})
    need = FaithNeed.objects.create(
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        detail=detail,
        starts_on=starts_on,
        ends_on=ends_on,
        recorded_by=by,
    )
    audit.record(
        by=by,
        action="equality.need_recorded",
        subject=need,
        facility=prisoner.facility,
        detail={"kind": kind},
    )
    return need


@transaction.atomic
def provide_for_need(*, by: User, need: FaithNeed, provision: str = "") -> FaithNeed:
    """Say what is provided for her need (Mandela 66)."""
    need = FaithNeed.objects.select_for_update().get(pk=need.pk)
    may_act(by, KEEP_NEEDS, need.facility, _("Your role doesn't keep her faith needs."))
    if need.ended_at is not None:
        raise ValidationError({NON_FIELD_ERRORS: _("This need has ended.")})
    provision = _words(provision)
    if not provision:
        raise ValidationError({"provision": _("Say what is provided.")})
    need.provision = provision
    need.save(update_fields=["provision"])
    audit.record(by=by, action="equality.need_provided", subject=need, facility=need.facility)
    return need


@transaction.atomic
def end_faith_need(*, by: User, need: FaithNeed) -> FaithNeed:
    """She no longer has this need."""
    need = FaithNeed.objects.select_for_update().get(pk=need.pk)
    may_act(by, KEEP_NEEDS, need.facility, _("Your role doesn't keep her faith needs."))
    if need.ended_at is not None:
        raise ValidationError({NON_FIELD_ERRORS: _("This need has already ended.")})
    need.ended_at, need.ended_by = timezone.now(), by
    need.save(update_fields=["ended_at", "ended_by"])
    audit.record(by=by, action="equality.need_ended", subject=need, facility=need.facility)
    return need


def _faith(faith: str) -> str:
    if faith not in FAITHS:
        raise ValidationError({"faith": _("Choose a faith from the list.")})
    return faith


@transaction.atomic
def add_representative(
    *,
    by: User,
    facility: Facility,
    name: str,
    faith: str,
    faith_words: str = "",
    services: str = "",
) -> Representative:
    """A qualified representative of a faith appointed or approved for the facility (Mandela
    65.1), with the services they hold (Mandela 66)."""
    may_act(by, KEEP_PROVISION, facility, _("Your role doesn't keep the faith representatives."))
    name = _words(name)
    if not name:
        raise ValidationError({"name": _("Name the representative.")})
    representative = Representative.objects.create(
        facility=facility,
        name=name,
        faith=_faith(faith),
        faith_words=_words(faith_words),
        services=_words(services),
        added_by=by,
    )
    audit.record(
        by=by,
        action="equality.representative_added",
        subject=representative,
        facility=facility,
        detail={"faith": faith},
    )
    return representative


CHANGEABLE = ("name", "faith_words", "services", "in_post")


@transaction.atomic
def change_representative(
    *, by: User, representative: Representative, **fields: Any
) -> Representative:
    """Change a representative's name, the services they hold, or end their post."""
    unknown = set(fields) - set(CHANGEABLE)
    if unknown:
        raise ValidationError({name: _("This can't be changed here.") for name in unknown})
    representative = Representative.objects.select_for_update().get(pk=representative.pk)
    may_act(
        by,
        KEEP_PROVISION,
        representative.facility,
        _("Your role doesn't keep the faith representatives."),
    )
    for name, value in fields.items():
        value = _words(value) if isinstance(value, str) else value
        if name == "name" and not value:
            raise ValidationError({"name": _("Name the representative.")})
        setattr(representative, name, value)
    representative.save(update_fields=list(fields))
    audit.record(
        by=by,
        action="equality.representative_changed",
        subject=representative,
        facility=representative.facility,
        detail={"changed": sorted(fields)},
    )
    return representative


def visit_key(visit: FaithVisit) -> str:
    return f"equality:faith-visit:{visit.uuid}"


@transaction.atomic
def ask_for_visit(
    *,
    by: User,
    prisoner: Prisoner,
    faith: str,
    faith_words: str = "",
    note: str = "",
    asked_at: datetime | None = None,
) -> FaithVisit:
    """She asks for a visit of a qualified representative of her faith. It is never refused
    (Mandela 65.3): whoever hears it records it, and not yet arranged after
    EQUALITY_FAITH_VISIT_DAYS it reaches the governor."""
    may_act(by, ASK_VISIT, prisoner.facility, _("Your role doesn't record faith visits."))
    now = timezone.now()
    asked_at = asked_at or now
    if asked_at > now:
        raise ValidationError({"asked_at": _("Record it once she has asked.")})
    visit = FaithVisit.objects.create(
        prisoner=prisoner,
        facility=prisoner.facility,
        asked_by=AskedBy.HER,
        faith=_faith(faith),
        faith_words=_words(faith_words),
        note=_words(note),
        asked_at=asked_at,
        recorded_by=by,
        status=VisitStatus.ASKED,
    )
    schedule_reminder(
        key=visit_key(visit),
        kind=VISIT_KIND,
        rule="M65",
        title=gettext_lazy("Arrange the visit of a representative of her faith she asked for."),
        facility=prisoner.facility,
        assignee_role=GOVERNOR,
        prisoner=prisoner,
        due_at=asked_at + timedelta(days=settings.EQUALITY_FAITH_VISIT_DAYS),
    )
    audit.record(by=by, action="equality.visit_asked", subject=visit, facility=prisoner.facility)
    return visit


@transaction.atomic
def offer_visit(*, by: User, prisoner: Prisoner, representative: Representative) -> FaithVisit:
    """A representative offers to visit her: it waits for her answer, since she may refuse it
    (Mandela 65.3)."""
    may_act(by, ASK_VISIT, prisoner.facility, _("Your role doesn't record faith visits."))
    if representative.facility_id != prisoner.facility_id or not representative.in_post:
        raise ValidationError({"representative": _("Choose a representative in post here.")})
    visit = FaithVisit.objects.create(
        prisoner=prisoner,
        facility=prisoner.facility,
        asked_by=AskedBy.REPRESENTATIVE,
        faith=representative.faith,
        representative=representative,
        recorded_by=by,
        status=VisitStatus.OFFERED,
    )
    audit.record(by=by, action="equality.visit_offered", subject=visit, facility=prisoner.facility)
    return visit


@transaction.atomic
def answer_offer(*, by: User, visit: FaithVisit, accepts: bool) -> FaithVisit:
    """Her answer to a representative's offer to visit: she may refuse it, and her refusal is
    respected in full (Mandela 65.3)."""
    visit = FaithVisit.objects.select_for_update().get(pk=visit.pk)
    may_act(by, ASK_VISIT, visit.facility, _("Your role doesn't record faith visits."))
    if visit.status != VisitStatus.OFFERED:
        raise ValidationError({NON_FIELD_ERRORS: _("This visit awaits no answer of hers.")})
    visit.status = VisitStatus.ASKED if accepts else VisitStatus.DECLINED
    visit.answered_at = timezone.now()
    visit.save(update_fields=["status", "answered_at"])
    audit.record(
        by=by,
        action="equality.visit_accepted" if accepts else "equality.visit_declined",
        subject=visit,
        facility=visit.facility,
    )
    return visit


@transaction.atomic
def arrange_visit(
    *, by: User, visit: FaithVisit, representative: Representative, arranged_for: datetime
) -> FaithVisit:
    """Arrange the visit with a representative in post (the governor or a social worker). A
    visit she refused, or one offered that she hasn't accepted, is never arranged (Mandela
    65.3)."""
    visit = FaithVisit.objects.select_for_update().get(pk=visit.pk)
    may_act(by, ARRANGE, visit.facility, _("Your role doesn't arrange faith visits."))
    if visit.status in (VisitStatus.DECLINED, VisitStatus.OFFERED):
        raise RuleBroken(
            _(
                "She refused this visit, or hasn't accepted it: her wish is respected in full, "
                "and it isn't arranged."
            ),
            rule="M65",
        )
    if visit.status not in (VisitStatus.ASKED, VisitStatus.ARRANGED):
        raise ValidationError({NON_FIELD_ERRORS: _("This visit is closed.")})
    if representative.facility_id != visit.facility_id or not representative.in_post:
        raise ValidationError({"representative": _("Choose a representative in post here.")})
    visit.status, visit.representative = VisitStatus.ARRANGED, representative
    visit.arranged_for, visit.arranged_by = arranged_for, by
    visit.save(update_fields=["status", "representative", "arranged_for", "arranged_by"])
    resolve_reminder(key=visit_key(visit), by=by, outcome=_("The visit is arranged."))
    audit.record(by=by, action="equality.visit_arranged", subject=visit, facility=visit.facility)
    return visit


@transaction.atomic
def close_visit(*, by: User, visit: FaithVisit, outcome: str) -> FaithVisit:
    """Close the visit: it was held, she no longer wants it, or she left the facility first.
    A visit she asked for is never closed as refused by the facility (Mandela 65.3)."""
    visit = FaithVisit.objects.select_for_update().get(pk=visit.pk)
    may_act(by, ARRANGE, visit.facility, _("Your role doesn't arrange faith visits."))
    if outcome not in Closing.values:
        raise RuleBroken(
            _(
                "Access to a qualified representative of her religion is never refused: the "
                "visit closes only when it was held, she no longer wants it, or she left."
            ),
            rule="M65",
            field="outcome",
        )
    if not visit.is_open:
        raise ValidationError({NON_FIELD_ERRORS: _("This visit is closed already.")})
    if outcome == Closing.HELD and visit.status != VisitStatus.ARRANGED:
        raise ValidationError({"outcome": _("Arrange the visit before it is held.")})
    visit.status = outcome
    visit.closed_at, visit.closed_by = timezone.now(), by
    visit.save(update_fields=["status", "closed_at", "closed_by"])
    resolve_reminder(key=visit_key(visit), by=by, outcome=str(Closing(outcome).label))
    audit.record(
        by=by,
        action="equality.visit_closed",
        subject=visit,
        facility=visit.facility,
        detail={"outcome": outcome},
    )
    return visit
