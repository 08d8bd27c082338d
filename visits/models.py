"""Visits and family contact (Rules 26-28, 43, 44; Mandela 58).

Her visitor list is hers: a person is approved only once she has been consulted and agreed,
or a court has ordered it (Rule 44: women's disproportionate experience of domestic
violence). Custody officers book and record visits with approved visitors, and see nobody
she refused or withdrew. Visits involving children are open contact in a child-friendly
setting unless an individual reason is written (Rule 28). Calls, video calls and travel
support for a distant family are recorded as contact (Rule 26).
"""

import uuid
from datetime import date

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from authority.models import AwaitsAuthority, authority_constraints
from bangkok.versions import Versioned
from prisoners.models import ADULT_AGE, age_on


class Relationship(models.TextChoices):
    CHILD = "child", _("Her child")
    PARTNER = "partner", _("Partner or spouse")
    PARENT = "parent", _("Parent")
    SIBLING = "sibling", _("Brother or sister")
    RELATIVE = "relative", _("Other relative")
    CHILD_CARER = "child_carer", _("Carer or guardian of her children")
    FRIEND = "friend", _("Friend")
    OTHER = "other", _("Other")


class VisitorStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for her to be consulted")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("She refused")
    WITHDRAWN = "withdrawn", _("She withdrew")
    REMOVED = "removed", _("Withdrawn by the prison")


class Answer(models.TextChoices):
    AGREES = "agrees", _("She agrees")
    REFUSES = "refuses", _("She refuses")


@pghistory.track()
class Visitor(Versioned):
    """A person on her visitor list, with her consultation (Rule 44). Approved only with her
    agreement or a court order; a person she refused stays refused."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="visitors"
    )
    name = models.CharField(_("name"), max_length=200)
    relationship = models.CharField(_("relationship to her"), max_length=16, choices=Relationship)
    relationship_detail = models.CharField(_("relationship, in words"), max_length=100, blank=True)
    adult = models.BooleanField(_("adult (18 or over)"), default=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    age_given = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    child = models.ForeignKey(
        "register.Child",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("her child on the register"),
    )
    contact_details = models.CharField(_("contact details"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=VisitorStatus, default=VisitorStatus.PROPOSED
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Her consultation (Rule 44).
    consulted_at = models.DateTimeField(_("consulted"), null=True, blank=True)
    consulted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    consultation_language = models.CharField(_("language"), max_length=50, blank=True)
    answer = models.CharField(_("her answer"), max_length=8, choices=Answer, blank=True)
    # A court order overriding her refusal, documented.
    court_order_reference = models.CharField(_("court order reference"), max_length=100, blank=True)
    court = models.CharField(_("court"), max_length=200, blank=True)
    court_order_recorded_at = models.DateTimeField(null=True, blank=True)
    court_order_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("visitor")
        ordering = ["added_at", "id"]
        permissions = [("view_approved_visitors", "Can see her approved visitors' names")]
        constraints = [
            # Rule 44: approved only with her recorded agreement, or by a court order.
            models.CheckConstraint(
                condition=~Q(status="approved")
                | (Q(answer="agrees") & Q(consulted_at__isnull=False))
                | (~Q(court_order_reference="") & ~Q(court="")),
                name="visitor_approved_by_her_or_a_court",
            ),
            models.CheckConstraint(
                condition=~Q(status="refused") | Q(answer="refuses"),
                name="visitor_refused_by_her",
            ),
            models.CheckConstraint(
                condition=Q(adult=True)
                | Q(date_of_birth__isnull=False)
                | Q(age_given__isnull=False),
                name="visitor_child_has_age",
            ),
        ]
        triggers = [pgtrigger.Protect(name="visitor_no_delete", operation=pgtrigger.Delete)]
        indexes = [
            # Oversight's count that must be zero (Rule 44): the approved visitors with neither
            # her agreement nor a court order, found without reading every visitor's list.
            models.Index(
                fields=["added_at"],
                condition=Q(status="approved", court_order_reference="")
                & ~Q(answer="agrees", consulted_at__isnull=False),
                name="visitor_approved_unagreed",
            ),
        ]

    def __str__(self) -> str:
        return f"Visitor {self.uuid}"  # never the name: str() ends up in logs

    @property
    def is_her_child(self) -> bool:
        return self.relationship == Relationship.CHILD or self.child_id is not None

    def under_18_on(self, day: date) -> bool:
        if self.adult:
            return False
        if self.date_of_birth is not None:
            return age_on(self.date_of_birth, day) < ADULT_AGE
        return (self.age_given or 0) < ADULT_AGE

    @property
    def by_court_order(self) -> bool:
        return bool(self.court_order_reference)


class VisitKind(models.TextChoices):
    FAMILY = "family", _("Family visit")
    CHILD = "child", _("Visit with children")
    EXTENDED = "extended", _("Extended contact with children")
    LEGAL = "legal", _("Legal visit")
    CONJUGAL = "conjugal", _("Conjugal visit")


CHILD_KINDS = (VisitKind.CHILD, VisitKind.EXTENDED)


class VisitStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class CancelledBy(models.TextChoices):
    HER = "her", _("She cancelled")
    VISITOR = "visitor", _("The visitor cancelled")
    PRISON = "prison", _("The prison cancelled")


@pghistory.track()
class Visit(Versioned):
    """A visit booked and then held or cancelled (Rules 26-28, 43)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="visits"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=VisitKind)
    starts_at = models.DateTimeField(_("when"))
    visitors = models.ManyToManyField(
        Visitor, related_name="visits", blank=True, through="VisitVisitor"
    )
    involves_child = models.BooleanField(_("a child visits"), default=False)
    open_contact = models.BooleanField(_("open contact"), default=True)
    child_friendly = models.BooleanField(_("child-friendly setting"), default=True)
    setting_reason = models.TextField(
        _("individual reason for the setting"), blank=True, max_length=5000
    )
    lawyer_name = models.CharField(_("lawyer's name"), max_length=200, blank=True)
    lawyer_registration = models.CharField(
        _("lawyer's bar or registration number"), max_length=100, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=VisitStatus, default=VisitStatus.BOOKED
    )
    booked_at = models.DateTimeField(default=timezone.now, editable=False)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cancelled_by = models.CharField(
        _("who cancelled"), max_length=10, choices=CancelledBy, blank=True
    )
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("visit")
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["facility", "starts_at", "id"])]
        constraints = [
            # Rule 28: open contact in a child-friendly setting, unless a reason is written.
            models.CheckConstraint(
                condition=Q(involves_child=False)
                | (Q(open_contact=True) & Q(child_friendly=True))
                | ~Q(setting_reason=""),
                name="child_visit_open_or_reasoned",
            ),
            models.CheckConstraint(
                condition=~Q(kind="legal") | (~Q(lawyer_name="") & ~Q(lawyer_registration="")),
                name="legal_visit_names_the_lawyer",
            ),
            models.CheckConstraint(
                condition=~Q(cancelled_by="prison") | ~Q(cancel_reason=""),
                name="prison_cancellation_has_reason",
            ),
        ]
        triggers = [pgtrigger.Protect(name="visit_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Visit {self.uuid}"

    @property
    def closed_contact(self) -> bool:
        return self.involves_child and not (self.open_contact and self.child_friendly)

    def visitors_on(self):
        """Her visitors still on this visit (one withdrawn from her list is taken off it)."""
        return Visitor.objects.filter(
            visit_links__visit=self, visit_links__status=LinkStatus.ON
        ).order_by("added_at", "id")


class LinkStatus(models.TextChoices):
    ON = "on", _("On the visit")
    TAKEN_OFF = "taken_off", _("Taken off the visit: withdrawn from her list")


@pghistory.track()
class VisitVisitor(models.Model):
    """A visitor on a booked visit. One withdrawn from her list is taken off the visit by a
    status, never by deleting the row: the visit keeps who was booked."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="visitor_links")
    visitor = models.ForeignKey(Visitor, on_delete=models.PROTECT, related_name="visit_links")
    status = models.CharField(_("status"), max_length=10, choices=LinkStatus, default=LinkStatus.ON)
    taken_off_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "visits_visit_visitors"
        verbose_name = _("visitor on a visit")
        unique_together = [("visit", "visitor")]

    def __str__(self) -> str:
        return f"Visitor on visit {self.pk}"


class PrisonContactAct(AwaitsAuthority):
    """What the prison asks to do to her family contact, which takes effect only once a
    governor confirms it (Rule 43; Mandela 43.3): the same step for every woman, so one asked
    for while she is protected after a report is recorded alike and only its confirmation
    waits for both reviews (Rules 7.3, 25.1)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey("prisoners.Prisoner", on_delete=models.PROTECT, related_name="+")
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("why"), max_length=300)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


@pghistory.track()
class VisitCancellation(PrisonContactAct):
    """The prison's cancellation of a booked visit: the visit stays booked until a governor
    confirms it (Rule 43)."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="cancellations")

    class Meta:
        verbose_name = _("cancellation of a visit by the prison")
        ordering = ["-asked_at", "-id"]
        constraints = authority_constraints()

    def __str__(self) -> str:
        return f"Visit cancellation {self.uuid}"


@pghistory.track()
class VisitorWithdrawal(PrisonContactAct):
    """The prison's withdrawal of a person from her visitor list: they stay on it until a
    governor confirms it (Rule 44; Mandela 43.3). Never her child (Rule 23)."""

    visitor = models.ForeignKey(Visitor, on_delete=models.PROTECT, related_name="withdrawals")

    class Meta:
        verbose_name = _("withdrawal of a visitor by the prison")
        ordering = ["-asked_at", "-id"]
        constraints = authority_constraints()

    def __str__(self) -> str:
        return f"Visitor withdrawal {self.uuid}"


class ContactKind(models.TextChoices):
    VIDEO_CALL = "video_call", _("Video call")
    PHONE_CALL = "phone_call", _("Telephone call")
    LETTER = "letter", _("Letter")
    TRAVEL_SUPPORT = "travel_support", _("Travel support for her family")


@pghistory.track()
class Contact(models.Model):
    """Contact with her family other than a visit, and support for a family living far away
    (Rule 26): with an approved visitor, or with one of her children on the register."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="family_contacts"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ContactKind)
    at = models.DateTimeField(_("when"), default=timezone.now)
    visitor = models.ForeignKey(
        Visitor, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    child = models.ForeignKey(
        "register.Child", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    support = models.CharField(_("support given"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("contact")
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visitor__isnull=False) | Q(child__isnull=False),
                name="contact_with_someone",
            ),
            models.CheckConstraint(
                condition=~Q(kind="travel_support") | ~Q(support=""),
                name="travel_support_says_what",
            ),
        ]
        triggers = [pgtrigger.Protect(name="contact_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Contact {self.uuid}"
