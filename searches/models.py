"""Searches (Bangkok Rules 19-21; Mandela Rules 50-52).

A search record says who or what was searched, how, why, on whose authority, by whom, before
whom, where and with what privacy, and what was found. The searching staff's gender and role
are kept as they were on the day (`SearchStaff`), so the record shows later whether a woman
was searched by women staff (Rule 19) and a body cavity search by a health professional
(Mandela Rule 52). A child living with her mother is named only by the register's record:
custody staff never see a child's identity here (Rule 3.2).
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from authority.models import AwaitsAuthority, authority_constraints
from bangkok import late
from staff.models import Gender
from staff.roles import ROLES


class Subject(models.TextChoices):
    WOMAN = "woman", _("The woman herself")
    CHILD_IN_PRISON = "child_in_prison", _("Her child living with her in prison")
    CHILD_VISITOR = "child_visitor", _("A child visiting her")
    CELL = "cell", _("A cell")


class Kind(models.TextChoices):
    PAT_DOWN = "pat_down", _("Pat-down")
    SCANNER = "scanner", _("Scanner")
    STRIP = "strip", _("Strip search")
    BODY_CAVITY = "body_cavity", _("Body cavity search")
    CELL = "cell", _("Cell search")


# A personal search is one of a person's body; strip and body cavity searches are invasive.
PERSONAL_KINDS = (Kind.PAT_DOWN, Kind.SCANNER, Kind.STRIP, Kind.BODY_CAVITY)
INVASIVE_KINDS = (Kind.STRIP, Kind.BODY_CAVITY)
CHILD_SUBJECTS = (Subject.CHILD_IN_PRISON, Subject.CHILD_VISITOR)
PERSON_SUBJECTS = (Subject.WOMAN, *CHILD_SUBJECTS)


class Trigger(models.TextChoices):
    """The legal basis or occasion of the search."""

    ADMISSION = "admission", _("Admission")
    AFTER_VISIT = "after_visit", _("After a visit")
    INTELLIGENCE = "intelligence", _("Intelligence about her")
    RANDOM = "random", _("Random or routine")


class Part(models.TextChoices):
    SEARCHER = "searcher", _("Searched")
    WITNESS = "witness", _("Witnessed")


@pghistory.track()
class SearchAuthorisation(AwaitsAuthority):
    """A strip or body cavity search of her asked for by custody, for an individual reason,
    awaiting the governor's authority (Mandela Rule 51), which she gives or refuses with her
    own sign-in. Once given, one search may be recorded on it, done after it was given."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey(
        "facilities.Facility",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("facility"),
    )
    prisoner = models.ForeignKey(
        "prisoners.Prisoner",
        on_delete=models.PROTECT,
        related_name="search_authorisations",
        verbose_name=_("woman"),
    )
    subject = models.CharField(
        _("who is to be searched"), max_length=16, choices=Subject, default=Subject.WOMAN
    )
    kind = models.CharField(_("type of search"), max_length=12, choices=Kind)
    trigger = models.CharField(_("legal basis or occasion"), max_length=12, choices=Trigger)
    reason = models.TextField(_("individual reason"), max_length=5000)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("authority for a strip or body cavity search")
        verbose_name_plural = _("authorities for strip or body cavity searches")
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=INVASIVE_KINDS) & ~Q(reason="") & ~Q(subject=Subject.CELL),
                name="search_authorisation_invasive_reasoned",
                violation_error_message=_(
                    "Authority is asked for a strip or body cavity search of a person, for an "
                    "individual reason (Mandela Rule 51)."
                ),
            ),
            *authority_constraints(),
        ]
        triggers = [
            pgtrigger.Protect(name="search_authorisation_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Search authorisation {self.uuid}"


@pghistory.track()
class Search(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey(
        "facilities.Facility",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("facility"),
    )
    subject = models.CharField(_("who or what was searched"), max_length=16, choices=Subject)
    kind = models.CharField(_("type of search"), max_length=12, choices=Kind)
    trigger = models.CharField(_("legal basis or occasion"), max_length=12, choices=Trigger)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="searches",
        verbose_name=_("woman"),
        help_text=_("The woman searched, the mother of the child searched, or the woman visited."),
    )
    child = models.ForeignKey(
        "register.Child",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("child living with her"),
    )
    visiting_child_name = models.CharField(
        _("visiting child's given name"), max_length=100, blank=True
    )
    visiting_child_age = models.PositiveSmallIntegerField(
        _("visiting child's age"), null=True, blank=True
    )
    unit = models.ForeignKey(
        "prisoners.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cell = models.CharField(_("cell"), max_length=50, blank=True)
    searched_at = models.DateTimeField(_("date and hour"), default=timezone.now)
    reason = models.TextField(_("individual reason"), blank=True, max_length=5000)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("authorised by"),
    )
    # The governor's authority it was done on (Mandela 51): one search for each.
    authorisation = models.OneToOneField(
        SearchAuthorisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="search",
        verbose_name=_("authority"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    privacy = models.CharField(_("privacy conditions"), max_length=300, blank=True)
    found = models.TextField(_("what was found"), blank=True, max_length=5000)
    scanner_available = models.BooleanField(_("a scanner was available"), default=False)
    why_not_scanner = models.TextField(_("why the scan would not do"), blank=True, max_length=5000)
    late_reason = late.model_field()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("search")
        verbose_name_plural = _("searches")
        permissions = [("authorise_search", "Can authorise a strip or invasive search")]
        ordering = ["-searched_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(subject=Subject.CELL, kind=Kind.CELL, prisoner__isnull=True)
                    & Q(unit__isnull=False)
                    & ~Q(cell="")
                )
                | (
                    ~Q(subject=Subject.CELL)
                    & Q(kind__in=PERSONAL_KINDS, prisoner__isnull=False)
                    & ~Q(place="")
                ),
                name="search_person_or_cell",
                violation_error_message=_(
                    "A cell search names the unit and cell; a personal search names the woman "
                    "and the place."
                ),
            ),
            models.CheckConstraint(
                condition=Q(subject=Subject.CHILD_IN_PRISON, child__isnull=False)
                | (~Q(subject=Subject.CHILD_IN_PRISON) & Q(child__isnull=True)),
                name="search_child_in_prison_named",
                violation_error_message=_("Say which of her children living with her."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(subject=Subject.CHILD_VISITOR, visiting_child_age__lte=17)
                    & ~Q(visiting_child_name="")
                )
                | (
                    ~Q(subject=Subject.CHILD_VISITOR)
                    & Q(visiting_child_name="", visiting_child_age__isnull=True)
                ),
                name="search_visiting_child_named",
                violation_error_message=_("Give the visiting child's given name and age (0-17)."),
            ),
            # Mandela Rule 51: a strip or body cavity search has an individual reason and an
            # authoriser; Bangkok Rule 20: where a scanner was available, why it would not do.
            models.CheckConstraint(
                condition=~Q(kind__in=INVASIVE_KINDS)
                | (~Q(reason="") & Q(authorised_by__isnull=False) & ~Q(privacy="")),
                name="search_invasive_reasoned_and_authorised",
                violation_error_message=_(
                    "A strip or body cavity search needs an individual reason, an authoriser "
                    "and the privacy conditions (Mandela Rule 51)."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=INVASIVE_KINDS) | Q(authorisation__isnull=False),
                name="search_invasive_on_an_authority_given",
                violation_error_message=_(
                    "A strip or body cavity search is carried out only on the authority the "
                    "governor gave for it (Mandela Rule 51)."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=INVASIVE_KINDS, scanner_available=True)
                | ~Q(why_not_scanner=""),
                name="search_scanner_alternative_justified",
                violation_error_message=_(
                    "A scanner was available: say why the scan would not do (Bangkok Rule 20)."
                ),
            ),
        ]
        indexes = [models.Index(fields=["facility", "searched_at"])]
        triggers = [pgtrigger.Protect(name="search_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Search {self.uuid}"

    @property
    def is_personal(self) -> bool:
        return self.kind in PERSONAL_KINDS

    @property
    def is_invasive(self) -> bool:
        return self.kind in INVASIVE_KINDS

    @property
    def blanket_strip(self) -> bool:
        """A strip search on a random or routine basis: flagged however well reasoned."""
        return self.kind == Kind.STRIP and self.trigger == Trigger.RANDOM


@pghistory.track()
class SearchStaff(models.Model):
    """A member of staff who searched or witnessed, with her gender and role on the day."""

    search = models.ForeignKey(Search, on_delete=models.PROTECT, related_name="staff")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    part = models.CharField(_("part"), max_length=8, choices=Part)
    gender = models.CharField(_("gender"), max_length=16, choices=Gender)
    role = models.CharField(_("role"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("searching or witnessing staff")
        ordering = ["search", "part", "id"]
        constraints = [
            models.UniqueConstraint(fields=["search", "person"], name="search_staff_once_each")
        ]
        triggers = [pgtrigger.Protect(name="search_staff_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"{self.person_id} {self.part} {self.search_id}"

    @property
    def role_label(self) -> str:
        role = ROLES.get(self.role)
        return str(role.label) if role else self.role
