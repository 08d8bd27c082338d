"""Admission episodes (Mandela Rule 7; Bangkok Rules 2 and 4).

One woman can have several custody episodes over the years; each is an `Admission`, tied to
the commitment order that lawfully holds her. Nobody is received without one.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from authority.models import AwaitsAuthority, authority_constraints
from bangkok.plausible import validate_past_date
from bangkok.versions import Versioned
from facilities.models import latitude_validators, longitude_validators
from prisoners.models import LegalStatus


class Stage(models.TextChoices):
    RECEPTION = "reception", _("In reception")
    ADMITTED = "admitted", _("Admitted")
    RELEASED = "released", _("Released")


@pghistory.track()
class Admission(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="admissions"
    )
    facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="admissions"
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage, default=Stage.RECEPTION)
    admitted_at = models.DateTimeField(_("received on (date and hour)"), default=timezone.now)
    received_from = models.CharField(_("received from"), max_length=200, blank=True)
    # The commitment order (Mandela Rule 7(b)).
    order_authority = models.CharField(_("issuing authority"), max_length=200)
    order_legal_basis = models.CharField(_("legal basis"), max_length=300)
    order_number = models.CharField(_("order number"), max_length=100)
    order_date = models.DateField(_("order date"), validators=[validate_past_date])
    arrested_at = models.DateTimeField(_("arrested on (date and hour)"))
    arrest_place = models.CharField(_("place of arrest"), max_length=200)
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    # Mandela Rule 7(d): reception notes *that* there are visible injuries or complaints of
    # prior ill-treatment; what they are is for health staff to record in the clinical file.
    injuries_noted = models.BooleanField(
        _("visible injuries or complaints of prior ill-treatment noted"), default=False
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    released_at = models.DateTimeField(_("released on (date and hour)"), null=True, blank=True)
    release_reason = models.CharField(_("why she was released"), max_length=300, blank=True)
    # Mandela Rule 67(1): she signs the inventory of what is kept for her.
    property_signed_at = models.DateTimeField(
        _("she signed the property inventory"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("admission")
        ordering = ["-admitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(order_authority="")
                & ~models.Q(order_legal_basis="")
                & ~models.Q(order_number="")
                & ~models.Q(arrest_place=""),
                name="admission_has_a_commitment_order",
                violation_error_message=_("No admission without a valid commitment order."),
            ),
            models.CheckConstraint(
                condition=models.Q(arrested_at__lte=models.F("admitted_at")),
                name="admission_after_arrest",
                violation_error_message=_("She can't be received before she was arrested."),
            ),
            # One open episode per woman at a time.
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=~models.Q(stage="released"),
                name="one_open_admission_per_woman",
                violation_error_message=_("She already has an open admission."),
            ),
        ]
        # Oversight counts a facility's admissions and releases of a period (QUALITY.md P3).
        indexes = [
            models.Index(fields=["facility", "admitted_at"], name="admission_facility_admitted"),
            models.Index(fields=["facility", "released_at"], name="admission_facility_released"),
            # Her admissions by date, with what the women held before trial are counted by
            # (the one open now, when she was arrested): the latest read from the index alone.
            models.Index(
                fields=["prisoner", "admitted_at"],
                include=["released_at", "arrested_at", "id"],
                name="admission_hers_by_date",
            ),
        ]
        triggers = [pgtrigger.Protect(name="admission_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Admission {self.uuid}"


class RightsItem(models.TextChoices):
    """What Rule 2.1 says every newly arrived woman is offered."""

    FAMILY_CONTACT = "family_contact", _("Contact with her relatives")
    LEGAL_ADVICE = "legal_advice", _("Access to legal advice")
    INFORMATION = (
        "information",
        _(
            "Information on prison rules, the regime and where to seek help, in a language she "
            "understands"
        ),
    )
    CONSULAR = "consular", _("Access to consular representatives (foreign nationals)")


class Outcome(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


class RightsOffer(models.Model):
    """One item of the rights checklist: offered when, by whom, in which language, answered."""

    admission = models.ForeignKey(Admission, on_delete=models.PROTECT, related_name="rights")
    item = models.CharField(_("right"), max_length=16, choices=RightsItem)
    offered_at = models.DateTimeField(_("offered at"), default=timezone.now)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8)
    outcome = models.CharField(_("her answer"), max_length=10, choices=Outcome)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("rights offer")
        ordering = ["admission", "item"]
        constraints = [
            models.UniqueConstraint(fields=["admission", "item"], name="one_answer_per_right")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.outcome}"


@pghistory.track()
class Allocation(models.Model):
    """Where she is held, and why (Rule 4): near home, her caretaking responsibilities, her
    preference and the programmes she needs. Placing her anywhere but the nearest suitable
    facility, or against her preference, needs a written reason."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    admission = models.ForeignKey(Admission, on_delete=models.PROTECT, related_name="allocations")
    facility = models.ForeignKey(
        "facilities.Facility",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("allocated to"),
    )
    distance_km = models.DecimalField(
        _("distance from home (km)"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    nearest = models.ForeignKey(
        "facilities.Facility",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("nearest facility to her home"),
    )
    nearest_km = models.DecimalField(max_digits=7, decimal_places=1, null=True, blank=True)
    preference = models.ForeignKey(
        "facilities.Facility",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("the facility she prefers"),
    )
    caretaking = models.BooleanField(_("she has caretaking responsibilities"), default=False)
    programmes_needed = models.CharField(
        _("programmes and services she needs"), max_length=500, blank=True
    )
    reason = models.TextField(_("reason for this allocation"), blank=True, max_length=5000)
    decided_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("allocation")
        ordering = ["-decided_at", "-id"]
        permissions = [("decide_allocation", "Decides where a woman is allocated (Rule 4)")]

    def __str__(self) -> str:
        return f"Allocation {self.uuid}"

    @property
    def departs_from_nearest(self) -> bool:
        return self.nearest_id is not None and self.nearest_id != self.facility_id

    @property
    def against_preference(self) -> bool:
        return self.preference_id is not None and self.preference_id != self.facility_id


class FamilyMember(models.Model):
    """Her family, emergency contact and next of kin (Mandela Rule 7(f)(g)). Her children are
    in the register of children, which keeps their identities confidential (Rule 3.2)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="family"
    )
    name = models.CharField(_("name"), max_length=200)
    relationship = models.CharField(_("relationship to her"), max_length=100)
    contact = models.CharField(_("telephone or address"), max_length=300, blank=True)
    emergency_contact = models.BooleanField(_("emergency contact"), default=False)
    next_of_kin = models.BooleanField(_("next of kin"), default=False)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("family member")
        ordering = ["-next_of_kin", "-emergency_contact", "name", "id"]
        permissions = [("keep_family", "Records her family and contacts (Mandela Rule 7)")]

    def __str__(self) -> str:
        return f"Family member {self.uuid}"


class Kept(models.TextChoices):
    STORED = "stored", _("Kept in store")
    WITH_HER = "with_her", _("Kept by her")


class PropertyItem(models.Model):
    """One line of the inventory of her property (Mandela Rules 7(e) and 67): what was kept in
    store for her, or kept by her, and when it was returned to her."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    admission = models.ForeignKey(Admission, on_delete=models.PROTECT, related_name="property")
    description = models.CharField(_("item"), max_length=300)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    kept = models.CharField(_("kept"), max_length=10, choices=Kept, default=Kept.STORED)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    returned_at = models.DateTimeField(_("returned to her"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("property item")
        ordering = ["recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="property_quantity_positive"
            ),
            models.CheckConstraint(
                condition=~models.Q(description=""), name="property_has_description"
            ),
        ]

    def __str__(self) -> str:
        return f"Property item {self.uuid}"


class Decision(models.TextChoices):
    PENDING = "pending", _("Awaiting a decision")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


@pghistory.track()
class SuspensionRequest(Versioned):
    """Her request for a reasonable suspension of detention to arrange her children's care
    (Rule 2.2), sent to the competent authority, and its outcome."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    admission = models.ForeignKey(
        Admission, on_delete=models.PROTECT, related_name="suspension_requests"
    )
    requested_at = models.DateTimeField(_("requested on"), default=timezone.now)
    authority = models.CharField(_("sent to (competent authority)"), max_length=200)
    period = models.CharField(_("period asked for"), max_length=100, blank=True)
    grounds = models.TextField(
        _("what she asks for and why"),
        blank=True,
        help_text=_("Don't write the children's names here: the register keeps them."),
        max_length=5000,
    )
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Decision, default=Decision.PENDING
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decision_note = models.CharField(_("decision note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("request for suspension of detention")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="pending", decided_at__isnull=True)
                | (~models.Q(outcome="pending") & models.Q(decided_at__isnull=False)),
                name="suspension_decided_when_not_pending",
            ),
            models.CheckConstraint(
                condition=~models.Q(authority=""), name="suspension_has_authority"
            ),
        ]

    def __str__(self) -> str:
        return f"Suspension request {self.uuid}"


@pghistory.track(append_only=True)
class CourtOutcome(models.Model):
    """A court's decision that changes her legal status during the episode: convicted,
    sentenced, remanded again after a conviction is quashed, detained under another law. What
    she was, what she is now, when the court decided, which court, its reference and the
    sentence as the court gave it. A fact: never changed or deleted; a correction is a new
    outcome. It tells the areas that act on it (`AtCourtOutcome`): her classification is
    reviewed after sentencing (Rules 40, 41), a sentenced foreign national's transfer home is
    considered (Rule 53.1), and a unit she may no longer share is left (Mandela 11)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    admission = models.ForeignKey(
        Admission, on_delete=models.PROTECT, related_name="court_outcomes"
    )
    from_status = models.CharField(_("was"), max_length=24, choices=LegalStatus)
    to_status = models.CharField(_("legal status now"), max_length=24, choices=LegalStatus)
    decided_on = models.DateField(_("decided on"), validators=[validate_past_date])
    court = models.CharField(_("court"), max_length=200)
    reference = models.CharField(_("case reference"), max_length=100, blank=True)
    sentence = models.CharField(
        _("sentence"),
        max_length=300,
        blank=True,
        help_text=_("As the court gave it: its length, and any part suspended."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("court outcome")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")),
                name="court_outcome_changes_status",
                violation_error_message=_("A court outcome changes her legal status."),
            ),
            models.CheckConstraint(
                condition=~models.Q(to_status="sentenced") | ~models.Q(sentence=""),
                name="court_outcome_sentence_given",
                violation_error_message=_("Give the sentence as the court gave it."),
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="court_outcome_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Court outcome {self.uuid}"


class Transfer(models.Model):
    """A move between facilities within one custody episode, with date and hour (Mandela
    Rule 7(c)); each transfer carries the allocation decision that justifies it (Rule 4)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    admission = models.ForeignKey(Admission, on_delete=models.PROTECT, related_name="transfers")
    from_facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="+", verbose_name=_("from")
    )
    to_facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="+", verbose_name=_("to")
    )
    moved_at = models.DateTimeField(_("moved on (date and hour)"))
    allocation = models.OneToOneField(Allocation, on_delete=models.PROTECT, related_name="transfer")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("transfer")
        ordering = ["-moved_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_facility=models.F("to_facility")),
                name="transfer_changes_facility",
            )
        ]
        triggers = [pgtrigger.Protect(name="transfer_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Transfer {self.uuid}"


@pghistory.track()
class TransferProposal(AwaitsAuthority):
    """A transfer to another facility proposed for her (Rule 4; Mandela Rule 7(c)): it takes
    effect only when a governor of her facility confirms it with her own sign-in, the same
    step for every woman; then the move (`transfer`) is recorded, with the allocation decision
    that justifies it. Refused, it never happens; once she is released before it was decided,
    it ends (`ended_at`) and leaves the governor's queue."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    admission = models.ForeignKey(
        Admission, on_delete=models.PROTECT, related_name="transfer_proposals"
    )
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="+", verbose_name=_("woman")
    )
    facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="+", verbose_name=_("from")
    )
    to_facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="+", verbose_name=_("to")
    )
    preference = models.ForeignKey(
        "facilities.Facility",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("her stated preference"),
    )
    programmes_needed = models.CharField(
        _("programmes and services she needs"), max_length=500, blank=True
    )
    reason = models.TextField(_("reason for the transfer"), max_length=5000)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(default=timezone.now, editable=False)
    transfer = models.OneToOneField(
        Transfer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("the move, once confirmed"),
    )
    ended_at = models.DateTimeField(_("ended unconfirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposed transfer")
        ordering = ["-proposed_at", "-id"]
        permissions = [("confirm_transfer", "Confirms a proposed transfer (Rule 4)")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(facility=models.F("to_facility")) & ~models.Q(reason=""),
                name="transfer_proposal_changes_facility_with_reason",
                violation_error_message=_("A transfer is to another facility, with a reason."),
            ),
            models.CheckConstraint(
                condition=models.Q(transfer__isnull=True)
                | models.Q(authority="confirmed", ended_at__isnull=True),
                name="transfer_proposal_moves_once_confirmed",
                violation_error_message=_("She is moved only once a governor confirms it."),
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True) | models.Q(authority="pending"),
                name="transfer_proposal_ends_undecided",
                violation_error_message=_("Only a transfer still awaiting confirmation ends."),
            ),
            *authority_constraints(),
        ]
        triggers = [
            pgtrigger.Protect(name="transfer_proposal_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Transfer proposal {self.uuid}"

    @property
    def status(self) -> str:
        """proposed (awaiting confirmation), confirmed, refused, or ended (she left first)."""
        if self.ended_at is not None:
            return "ended"
        return {"pending": "proposed"}.get(self.authority, self.authority)


class Place(models.Model):
    """A town, village or place of rehabilitation a facility adds where the gazetteer has none
    (Rule 4: she is held close to her home or her place of social rehabilitation)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="places"
    )
    name = models.CharField(_("name of the place"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, validators=latitude_validators
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, validators=longitude_validators
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("place")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "country", "facility", name="place_named_once_in_facility"
            )
        ]
        triggers = [pgtrigger.Protect(name="place_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"
