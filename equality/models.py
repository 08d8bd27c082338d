"""Equality and faith (Bangkok Rules 54, 55; Mandela Rules 2, 65, 66).

- Her self-identified characteristics (`Characteristics`), recorded only while she consents
  (`Consent`), in her own words, never guessed by staff. A withdrawal erases them: the values
  are blanked on her row, and the row keeps no history of them (it is not tracked by
  pghistory, and the audit rows name the fields answered, never their values). They are
  never used for security: the areas that decide on her security import nothing of this app
  (an import-linter contract) and refuse a characteristic passed to them (Mandela 2).
- Her faith needs (`FaithNeed`: diet, worship, religious items, observance days), the
  facility's qualified representatives of each faith (`Representative`, Mandela 65.1), and
  each visit of a representative, asked for by her (never refused, Mandela 65.2) or proposed
  by a representative (which she may refuse, Mandela 65.3) (`FaithVisit`).

Nothing here is deleted (a trigger refuses it); a need ends, a visit is closed.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


class Religion(models.TextChoices):
    """Her religion or belief as she names it; "other" with her words for any not listed."""

    NONE = "none", _("No religion")
    BUDDHIST = "buddhist", _("Buddhist")
    CHRISTIAN = "christian", _("Christian")
    HINDU = "hindu", _("Hindu")
    JEWISH = "jewish", _("Jewish")
    MUSLIM = "muslim", _("Muslim")
    SIKH = "sikh", _("Sikh")
    OTHER = "other", _("Another religion or belief")
    PREFER_NOT = "prefer_not", _("Prefers not to say")


class Disability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT = "prefer_not", _("Prefers not to say")


@pghistory.track()
class Consent(Versioned):
    """Her consent to the recording of her characteristics: when she gave it, and to whom; when
    she withdrew it. One consent in force at a time; a withdrawn one stays on record."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="equality_consents"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField(_("consent given"))
    given_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("given to"),
    )
    withdrawn_at = models.DateTimeField(_("consent withdrawn"), null=True, blank=True)
    withdrawn_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("consent to equality monitoring")
        ordering = ["-given_at", "-id"]
        permissions = [
            ("oversee_outcomes", "Read outcomes by group, aggregate and suppressed (Mandela 2)"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="equality_one_consent_in_force",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True)
                | models.Q(withdrawn_at__gte=models.F("given_at")),
                name="equality_withdrawn_after_given",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="equality_consent_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Consent {self.uuid}"  # never her name: str() ends up in logs

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None


# The fields that hold what she said; blanked when she withdraws her consent.
VALUES = (
    "ethnicity",
    "ethnicity_key",
    "religion",
    "religion_words",
    "disability",
    "adjustments",
    "sexual_orientation",
    "gender_identity",
)


class Characteristics(Versioned):
    """What she says of herself, in her words, while she consents. Deliberately not tracked by
    pghistory: a withdrawal must leave no copy of the values behind. An empty field is a
    question not answered; "prefers not to say" is an answer."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.OneToOneField(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="equality_characteristics"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ethnicity = models.CharField(
        _("ethnicity, in her words"),
        max_length=200,
        blank=True,
        help_text=_("As she says it. Leave it empty if she wasn't asked."),
    )
    # Her words, folded (case and spaces), to count her with the women who say the same.
    ethnicity_key = models.CharField(max_length=200, blank=True, editable=False)
    ethnicity_withheld = models.BooleanField(_("prefers not to say her ethnicity"), default=False)
    religion = models.CharField(
        _("religion or belief"), max_length=16, choices=Religion, blank=True
    )
    religion_words = models.CharField(
        _("religion or belief, in her words"), max_length=200, blank=True
    )
    disability = models.CharField(
        _("does she consider herself disabled?"), max_length=16, choices=Disability, blank=True
    )
    adjustments = models.TextField(
        _("adjustments she asks for"),
        max_length=2000,
        blank=True,
        help_text=_("In her words: what would make daily life in prison accessible to her."),
    )
    sexual_orientation = models.CharField(
        _("sexual orientation, in her words"), max_length=200, blank=True
    )
    orientation_withheld = models.BooleanField(
        _("prefers not to say her sexual orientation"), default=False
    )
    gender_identity = models.CharField(
        _("gender identity, in her words"), max_length=200, blank=True
    )
    identity_withheld = models.BooleanField(
        _("prefers not to say her gender identity"), default=False
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("her self-identified characteristics")
        verbose_name_plural = _("self-identified characteristics")
        permissions = [
            ("read_adjustments", "Read the adjustments a disabled woman asks for"),
        ]
        constraints = [
            # Nothing without a consent in force (the service holds it; the database too).
            models.CheckConstraint(
                condition=models.Q(consent__isnull=False)
                | (
                    models.Q(ethnicity="")
                    & models.Q(ethnicity_key="")
                    & models.Q(religion="")
                    & models.Q(religion_words="")
                    & models.Q(disability="")
                    & models.Q(adjustments="")
                    & models.Q(sexual_orientation="")
                    & models.Q(gender_identity="")
                ),
                name="equality_values_only_with_consent",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="equality_characteristics_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Characteristics {self.uuid}"  # never a value: str() ends up in logs

    @property
    def answered(self) -> list[str]:
        """The names of the questions she answered (for the audit trail: never the values)."""
        names = [n for n in VALUES if n != "ethnicity_key" and getattr(self, n)]
        names += [
            n
            for n in ("ethnicity_withheld", "orientation_withheld", "identity_withheld")
            if getattr(self, n)
        ]
        return sorted(names)


class NeedKind(models.TextChoices):
    DIET = "diet", _("Diet")
    WORSHIP = "worship", _("Worship and prayer")
    ITEMS = "items", _("Religious items and books")
    OBSERVANCE = "observance", _("Observance days (fasting, festivals)")
    DRESS = "dress", _("Dress and hair")
    OTHER = "other", _("Other")


@pghistory.track()
class FaithNeed(Versioned):
    """A need of her faith she asked to be provided for (Mandela 66; Rule 54), in her words."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="faith_needs"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind of need"), max_length=16, choices=NeedKind)
    detail = models.CharField(
        _("what she asks for, in her words"),
        max_length=500,
        help_text=_("For example: halal food; no food from dawn to dusk during Ramadan."),
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("For an observance: its last day.")
    )
    provision = models.CharField(
        _("what is provided"), max_length=500, blank=True, help_text=_("Empty while not yet.")
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True, editable=False)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("faith need")
        ordering = ["ended_at", "kind", "-recorded_at", "-id"]
        indexes = [models.Index(fields=["facility", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="equality_need_ends_after_it_starts",
            )
        ]
        triggers = [pgtrigger.Protect(name="equality_need_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Faith need {self.uuid}"


@pghistory.track()
class Representative(Versioned):
    """A qualified representative of a faith appointed or approved for the facility (Mandela
    65.1), who may hold services and visit women of the faith in private."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="faith_representatives"
    )
    name = models.CharField(_("name"), max_length=200)
    faith = models.CharField(_("faith"), max_length=16, choices=Religion)
    faith_words = models.CharField(
        _("faith, as the community names it"), max_length=200, blank=True
    )
    services = models.CharField(
        _("services held"),
        max_length=500,
        blank=True,
        help_text=_("For example: Friday prayers in the chapel, weekly."),
    )
    in_post = models.BooleanField(_("in post"), default=True)
    added_at = models.DateTimeField(default=timezone.now, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("faith representative")
        ordering = ["faith", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(faith__in=["none", "prefer_not"]),
                name="equality_representative_of_a_faith",
            )
        ]
        triggers = [
            pgtrigger.Protect(name="equality_representative_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return self.name


class AskedBy(models.TextChoices):
    HER = "her", _("She asked for it")
    REPRESENTATIVE = "representative", _("A representative offered it")


class VisitStatus(models.TextChoices):
    ASKED = "asked", _("Asked for, to be arranged")
    OFFERED = "offered", _("Offered by a representative, her answer awaited")
    DECLINED = "declined", _("She refused the visit")
    ARRANGED = "arranged", _("Arranged")
    HELD = "held", _("Held")
    WITHDRAWN = "withdrawn", _("She no longer wants it")
    LEFT = "left", _("She left the facility first")


# How a visit may close. There is no "refused by the facility": Mandela 65.2.
class Closing(models.TextChoices):
    HELD = "held", _("The visit was held")
    WITHDRAWN = "withdrawn", _("She no longer wants it")
    LEFT = "left", _("She left the facility first")


OPEN_STATUSES = (VisitStatus.ASKED, VisitStatus.OFFERED, VisitStatus.ARRANGED)


@pghistory.track()
class FaithVisit(Versioned):
    """A visit of a representative of her faith: asked for by her (Mandela 65.2: never
    refused), or offered by a representative (Mandela 65.3: she may refuse it)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="faith_visits"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    asked_by = models.CharField(_("asked by"), max_length=16, choices=AskedBy)
    faith = models.CharField(_("faith"), max_length=16, choices=Religion)
    faith_words = models.CharField(_("her faith, in her words"), max_length=200, blank=True)
    note = models.CharField(_("what she asks for"), max_length=500, blank=True)
    asked_at = models.DateTimeField(_("asked"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=VisitStatus)
    representative = models.ForeignKey(
        Representative,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("representative"),
    )
    arranged_for = models.DateTimeField(_("arranged for"), null=True, blank=True)
    arranged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("visit of a faith representative")
        ordering = ["-asked_at", "-id"]
        indexes = [models.Index(fields=["facility", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="arranged")
                | (models.Q(representative__isnull=False) & models.Q(arranged_for__isnull=False)),
                name="equality_arranged_names_who_and_when",
            ),
            # She refuses only what a representative offered (Mandela 65.3); what she asked for
            # is never refused (65.2).
            models.CheckConstraint(
                condition=~models.Q(status="declined") | models.Q(asked_by="representative"),
                name="equality_declined_only_an_offer",
            ),
        ]
        triggers = [pgtrigger.Protect(name="equality_visit_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Faith visit {self.uuid}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES
