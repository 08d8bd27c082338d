"""Units of the facilities and the women held in them, with their protection flags."""

import uuid
from datetime import date

import pghistory
import pgtrigger
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Cast, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.pagination import sorted_not_walked
from bangkok.plausible import validate_birth_date
from bangkok.versions import Versioned
from facilities.models import Facility, distance_km, latitude_validators, longitude_validators

ADULT_AGE = 18


class Unit(models.Model):
    class Designation(models.TextChoices):
        GENERAL = "general", _("General")
        MOTHER_AND_BABY = "mother_and_baby", _("Mother and baby")
        JUVENILE = "juvenile", _("Girls under 18")
        RECEPTION = "reception", _("Reception and induction")
        HEALTH = "health", _("Health care")
        PRE_RELEASE = "pre_release", _("Pre-release")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey(
        Facility, on_delete=models.PROTECT, related_name="units", verbose_name=_("facility")
    )
    code = models.CharField(_("code"), max_length=12)
    name = models.CharField(_("name"), max_length=200)
    designation = models.CharField(
        _("designation"), max_length=20, choices=Designation, default=Designation.GENERAL
    )

    class Meta:
        verbose_name = _("unit")
        ordering = ["facility__code", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["facility", "code"], name="unit_code_unique_in_facility"
            )
        ]

    def __str__(self) -> str:
        return unit_label(self.facility.code, self.code, self.name)


def unit_label(facility_code: str, code: str, name: str) -> str:
    """A unit as staff read it: "<facility>/<unit> – <name>"."""
    return f"{facility_code}/{code} – {name}"


class GenderIdentity(models.TextChoices):
    WOMAN = "woman", _("Woman")
    TRANS_WOMAN = "trans_woman", _("Trans woman")
    NON_BINARY = "non_binary", _("Non-binary")
    SELF_DESCRIBED = "self_described", _("In her own words")


class LegalStatus(models.TextChoices):
    PRETRIAL = "pretrial", _("Pretrial (remand)")
    CONVICTED_UNSENTENCED = "convicted_unsentenced", _("Convicted, awaiting sentence")
    SENTENCED = "sentenced", _("Sentenced")
    IMMIGRATION = "immigration", _("Immigration detention")
    CIVIL = "civil", _("Civil detention")


# Mandela 11(b), (c): untried women are held apart from convicted women, and women held
# under civil or immigration law apart from both. Each legal status belongs to one group.
LEGAL_GROUPS: dict[str, str] = {
    LegalStatus.PRETRIAL: "untried",
    LegalStatus.CONVICTED_UNSENTENCED: "convicted",
    LegalStatus.SENTENCED: "convicted",
    LegalStatus.IMMIGRATION: "civil",
    LegalStatus.CIVIL: "civil",
}


_LEGAL_STATUS_LABELS = dict(LegalStatus.choices)


def legal_group_of() -> models.Case:
    """Her legal group (`LEGAL_GROUPS`) as an expression for queries."""
    return models.Case(
        *(
            models.When(legal_status=status, then=models.Value(group))
            for status, group in LEGAL_GROUPS.items()
        ),
        output_field=models.CharField(),
    )


class CustodyStatus(models.TextChoices):
    IN_CUSTODY = "in_custody", _("In custody")
    RELEASED = "released", _("Released")


# The shortest text the name search finds by its indexes: the trigram index answers
# "contains" from three letters (a shorter text has no trigram to look up).
TRIGRAM = 3


class PrisonerQuerySet(models.QuerySet):
    def search(self, text: str):
        """Women whose name or alias contains the text, or whose number starts with it.

        The women who match are found by the trigram index of the names and the index of the
        numbers' starts, then put in the list's order (`sorted_not_walked`): left to choose,
        the planner walks the list's order over every woman until a page of matches turns up,
        which for a surname late in the alphabet, or a misspelling that matches nobody, is
        every woman on record. A text too short for a trigram is asked as it is (most women
        match it, and the walk fills a page at once)."""
        text = " ".join(text.split()).lower()
        if not text:
            return self
        found = self.filter(
            models.Q(search_name__contains=text) | models.Q(prison_number__istartswith=text)
        )
        return sorted_not_walked(found) if len(text) >= TRIGRAM else found

    def juveniles(self, on: date | None = None):
        return self.filter(juvenile_q(on))


def juvenile_q(on: date | None = None) -> models.Q:
    """Girls under 18 on a day (today by default), as a filter for queries and aggregates."""
    return models.Q(date_of_birth__gt=_years_before(on or timezone.localdate(), ADULT_AGE))


def age_on(date_of_birth: date, day: date) -> int:
    """Whole years between a date of birth and a day."""
    dob = date_of_birth
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def juvenile_on(date_of_birth: date, day: date) -> bool:
    """Under 18 on `day` (Rules 36-39; Rule 22 forbids her segregation)."""
    return age_on(date_of_birth, day) < ADULT_AGE


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@pghistory.track()
class Prisoner(Versioned):
    """A woman on record (Mandela Rule 7(a)). Never deleted; released women stay on record.
    Versioned: a change staff make to her own record (her home) names the version it read."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prison_number = models.CharField(_("prison number"), max_length=20, unique=True)
    given_names = models.CharField(_("given names"), max_length=200)
    family_name = models.CharField(_("family name"), max_length=200)
    aliases = ArrayField(
        models.CharField(max_length=200), verbose_name=_("aliases"), default=list, blank=True
    )
    search_name = models.TextField(editable=False, default="")
    date_of_birth = models.DateField(_("date of birth"), validators=[validate_birth_date])
    gender_identity = models.CharField(
        _("self-perceived gender"),
        max_length=16,
        choices=GenderIdentity,
        default=GenderIdentity.WOMAN,
    )
    gender_self_description = models.CharField(
        _("gender in her own words"), max_length=100, blank=True
    )
    nationalities = ArrayField(
        models.CharField(max_length=2),
        verbose_name=_("nationalities"),
        default=list,
        blank=True,
        help_text=_("ISO 3166 country codes, e.g. TH, GB."),
    )
    languages = ArrayField(
        models.CharField(max_length=3),
        verbose_name=_("languages"),
        default=list,
        blank=True,
        help_text=_("ISO 639 language codes, the one she prefers first."),
    )
    legal_status = models.CharField(_("legal status"), max_length=24, choices=LegalStatus)
    custody_status = models.CharField(
        _("custody status"), max_length=12, choices=CustodyStatus, default=CustodyStatus.IN_CUSTODY
    )
    facility = models.ForeignKey(
        Facility, on_delete=models.PROTECT, related_name="prisoners", verbose_name=_("facility")
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="prisoners",
        null=True,
        blank=True,
        verbose_name=_("unit"),
    )
    home_place = models.CharField(
        _("home town or place of rehabilitation"), max_length=200, blank=True
    )
    home_country = models.CharField(
        _("country of her home"),
        max_length=2,
        blank=True,
        help_text=_("ISO 3166 country code, e.g. TH."),
    )
    home_latitude = models.DecimalField(
        _("home latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=latitude_validators,
    )
    home_longitude = models.DecimalField(
        _("home longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=longitude_validators,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = PrisonerQuerySet.as_manager()

    class Meta:
        verbose_name = _("woman")
        verbose_name_plural = _("women")
        ordering = ["family_name", "given_names", "id"]
        indexes = [
            models.Index(fields=["facility", "family_name", "given_names", "id"]),
            models.Index(fields=["family_name", "given_names", "id"]),
            GinIndex(
                fields=["search_name"], opclasses=["gin_trgm_ops"], name="prisoner_search_trgm"
            ),
            # The women in custody in a facility and how many are girls (the dashboard's head
            # counts), read from the index alone.
            models.Index(
                fields=["facility", "date_of_birth"],
                include=["id"],
                name="prisoner_in_custody",
                condition=models.Q(custody_status="in_custody"),
            ),
            # The search by the start of a number, as the search asks it (`istartswith`).
            models.Index(
                OpClass(Upper(Cast("prison_number", models.TextField())), name="text_pattern_ops"),
                name="prisoner_number_start",
            ),
            # Oversight's counts of the women in custody now, a facility's (QUALITY.md P3):
            # those untried, those living on a unit the Rules don't allow them.
            models.Index(
                fields=["facility", "legal_status", "unit"],
                condition=models.Q(custody_status="in_custody"),
                name="prisoner_in_custody_status",
            ),
            # The women in custody living on a unit, each with what decides where she may
            # live (her age, her legal status), read from the index alone: oversight's count
            # of those living where the Rules forbid, and the units holding women of more
            # than one legal status (QUALITY.md P3).
            models.Index(
                fields=["facility", "unit"],
                include=["date_of_birth", "legal_status", "id"],
                condition=models.Q(custody_status="in_custody", unit__isnull=False),
                name="prisoner_on_a_unit",
            ),
            # The other women in custody on her unit, whatever their facility (a transfer may
            # leave one on a unit of another): whether one is of another legal status, asked
            # of each of the first cases oversight shows (through the index above, every
            # facility's part of it: 0.25 ms a woman; through this, 0.01).
            models.Index(
                fields=["unit"],
                include=["legal_status", "id"],
                condition=models.Q(custody_status="in_custody", unit__isnull=False),
                name="prisoner_on_her_unit",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(home_latitude__isnull=True, home_longitude__isnull=True)
                | models.Q(home_latitude__isnull=False, home_longitude__isnull=False),
                name="prisoner_home_has_both_coordinates",
                violation_error_message=_("Give both the latitude and the longitude of home."),
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="prisoner_no_delete", operation=pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.prison_number})"

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}"

    def age_on(self, day: date) -> int:
        return age_on(self.date_of_birth, day)

    def get_legal_status_display(self) -> str:
        """Django's, without building a dict of every choice on each call (the women list
        asks it once a row; it was a tenth of the page's time)."""
        label = _LEGAL_STATUS_LABELS.get(self.legal_status)
        return self.legal_status if label is None else str(label)

    @property
    def age(self) -> int:
        return self.age_on(timezone.localdate())

    @property
    def is_juvenile(self) -> bool:
        """Under 18 today (`juvenile_on`)."""
        return juvenile_on(self.date_of_birth, timezone.localdate())

    @property
    def is_foreign_national(self) -> bool:
        from django.conf import settings

        return bool(self.nationalities) and settings.HOME_COUNTRY not in self.nationalities

    def home_distance_km(self, facility: Facility | None = None) -> float | None:
        facility = facility or self.facility
        if self.home_latitude is None:
            return None
        return distance_km(
            self.home_latitude, self.home_longitude, facility.latitude, facility.longitude
        )


class ObservationLevel(models.TextChoices):
    NONE = "none", _("None")
    INTERMITTENT = "intermittent", _("Intermittent")
    CONSTANT = "constant", _("Constant")


@pghistory.track()
class ProtectionFlags(models.Model):
    """The protections staff must honour, without the reasons behind them (Rules 8, 22, 24;
    ARCHITECTURE.md 4).

    Rule areas keep these current from their own records (`prisoners.services`: her flags are
    the union of what every registered source derives). Only the area that set a flag knows
    why, and no flag shown to a role other than health maps to a single health condition:
    every source declares the reasons it may set a flag for (`FLAG_REASONS`), and each flag a
    non-health role sees has at least two health reasons (a test holds this):

    - no segregation: a pregnancy, breastfeeding, or a child living with her (register);
    - no restraints: labour or the weeks after a birth, or a clinical restriction health staff
      record for an injury, a disability, a mental-health reason or a medical condition;
    - restraints only as health approves: a pregnancy, or such a clinical restriction;
    - observation: health staff's decision after a risk of self-harm, withdrawal from drugs or
      alcohol, or a medical condition that needs watching;
    - a woman clinician: her own request, seen by health staff and custody officers (who
      arrange her escort and who is present);
    - a child with her: the children register.

    Each role sees only the flags it acts on, where it acts on them (`shown_to`):
    health staff see every flag everywhere; custody officers, the governor and the inspector
    see no segregation and observation wherever they see her (custody officers also a woman
    clinician), and the two restraint flags only where restraints are recorded, authorised or
    overseen (the restraints section, its forms and API); reception, social workers and
    safeguarding staff see only a child with her. The
    women list and her page, pages and API alike, show each role its own flags and no others.
    """

    prisoner = models.OneToOneField(
        Prisoner, on_delete=models.PROTECT, primary_key=True, related_name="flags"
    )
    no_segregation = models.BooleanField(
        _("no segregation or close confinement"),
        default=False,
        help_text=_("Rule 22."),
    )
    no_restraint_obstetric = models.BooleanField(
        _("no restraints"),
        default=False,
        help_text=_("No instrument of restraint, for any purpose."),
    )
    restraint_health_approval = models.BooleanField(
        _("restraints only as health staff approve"),
        default=False,
        help_text=_("The least restrictive method, approved by health staff."),
    )
    woman_clinician_requested = models.BooleanField(
        _("asks for a woman physician or nurse"), default=False, help_text=_("Rule 10.2.")
    )
    observation_level = models.CharField(
        _("observation level"),
        max_length=16,
        choices=ObservationLevel,
        default=ObservationLevel.NONE,
    )
    child_in_prison = models.BooleanField(
        _("a child lives with her"), default=False, help_text=_("Rules 49-52.")
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("protection flags")
        verbose_name_plural = _("protection flags")
        # The few women a child lives with (oversight asks which of them live on a unit not
        # suited to children).
        indexes = [
            models.Index(
                fields=["prisoner"],
                condition=models.Q(child_in_prison=True),
                name="flags_child_in_prison",
            )
        ]
        triggers = [
            pgtrigger.Protect(name="flags_no_delete", operation=pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return f"Protections of {self.prisoner_id}"

    FLAG_FIELDS = (
        "no_segregation",
        "no_restraint_obstetric",
        "restraint_health_approval",
        "woman_clinician_requested",
        "child_in_prison",
    )
    # Every flag a role may be shown (`shown_to`).
    FIELDS = (*FLAG_FIELDS, "observation_level")
    RESTRAINT_FLAGS = ("no_restraint_obstetric", "restraint_health_approval")
    # Who acts on each flag (role codes); "*" is every case role.
    AUDIENCE = {
        "no_segregation": ("custody", "governor", "health", "inspector"),
        "no_restraint_obstetric": ("custody", "governor", "health", "inspector"),
        "restraint_health_approval": ("custody", "governor", "health", "inspector"),
        "woman_clinician_requested": ("custody", "health"),
        "observation_level": ("custody", "governor", "health", "inspector"),
        "child_in_prison": ("*",),
    }
    # Where a flag is shown: "list" (the women list), "page" (her page), "restraints" (where
    # restraints are recorded, authorised or overseen).
    PLACES = ("list", "page", "restraints")
    LABELS = {
        "no_segregation": (_("No segregation"), "alert"),
        "no_restraint_obstetric": (_("No restraints"), "alert"),
        "restraint_health_approval": (_("Restraints only as health approves"), "caution"),
        "woman_clinician_requested": (_("Woman clinician"), "care"),
        "observation_level": (_("Observation"), "caution"),
        "child_in_prison": (_("Child with her"), "care"),
    }

    @classmethod
    def of_row(cls, row, prefix: str = "flags__") -> dict | None:
        """Her flags from a row that holds them as columns (`prefix` and each of `FIELDS`, as
        the women list reads them); None when she has none (the level is never null)."""
        values = {name: getattr(row, prefix + name) for name in cls.FIELDS}
        return None if values["observation_level"] is None else values

    @classmethod
    def shown_to(cls, user, place: str = "page") -> tuple[str, ...]:
        """The flags (names, with `observation_level`) `user` sees at `place`."""
        role = getattr(user, "role_code", "") if user is not None else ""
        if not role or not getattr(user, "role", None) or not user.role.case_data:
            return ()
        shown = [
            name for name in cls.FIELDS if role in cls.AUDIENCE[name] or "*" in cls.AUDIENCE[name]
        ]
        if role != "health" and place != "restraints":
            shown = [name for name in shown if name not in cls.RESTRAINT_FLAGS]
        return tuple(shown)

    def labels_for(self, user, place: str = "page") -> list[tuple[str, str]]:
        """(label, style) of the flags set that `user` sees at `place`, never with a reason.
        "No restraints" stands alone: the milder restraint flag isn't shown beside it."""
        shown = self.shown_to(user, place)
        labels = []
        for name in shown:
            value = getattr(self, name)
            if name == "observation_level":
                if value != ObservationLevel.NONE:
                    label, style = self.LABELS[name]
                    labels.append((f"{label}: {self.get_observation_level_display()}", style))
                continue
            if not value:
                continue
            if name == "restraint_health_approval" and self.no_restraint_obstetric:
                continue
            labels.append((str(self.LABELS[name][0]), self.LABELS[name][1]))
        return labels

    def active(self) -> list[str]:
        """Labels of the flags that are set, for display (never with a reason)."""
        labels = [
            str(self._meta.get_field(name).verbose_name)
            for name in self.FLAG_FIELDS
            if getattr(self, name)
        ]
        if self.observation_level != ObservationLevel.NONE:
            labels.append(f"{_('observation')}: {self.get_observation_level_display()}")
        return labels


class UnitPlacement(models.Model):
    """A move of hers to a unit of her facility (`prisoners.services.place_on_unit`): who moved
    her, from where, when and why. Where she is held now is `Prisoner.unit`; this is how she
    came to be there, never changed or deleted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        Prisoner, on_delete=models.PROTECT, related_name="placements", verbose_name=_("woman")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="placements", verbose_name=_("unit")
    )
    from_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from unit"),
    )
    placed_at = models.DateTimeField(_("placed at"), default=timezone.now)
    placed_by = models.ForeignKey(
        "staff.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("placed by")
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("unit placement")
        ordering = ["-placed_at", "-id"]
        permissions = [
            (
                "place_on_unit",
                "Places a woman on a unit of her facility (Rules 49, 51.2; Mandela 11)",
            )
        ]
        indexes = [models.Index(fields=["prisoner", "-placed_at"])]

    def __str__(self) -> str:
        return f"Placement {self.uuid}"
