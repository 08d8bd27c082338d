import functools
import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.auth import get_backends
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from guardian.models import UserObjectPermission

from .roles import ROLES, Role


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Another gender")
    UNDISCLOSED = "undisclosed", _("Not disclosed")


class Grade(models.TextChoices):
    """How senior her post is: Rule 29 asks that women hold senior posts too."""

    OFFICER = "officer", _("Officer or specialist")
    MANAGER = "manager", _("Manager or supervisor")
    SENIOR = "senior", _("Senior post (governor, deputy, head of function)")


@functools.cache
def backends() -> tuple:
    """AUTHENTICATION_BACKENDS, each made once (made again when the setting changes)."""
    return tuple(get_backends())


@receiver(setting_changed)
def _backends_changed(setting, **kwargs) -> None:
    if setting == "AUTHENTICATION_BACKENDS":
        backends.cache_clear()


# Every change to an account is kept (QUALITY S6), never her password hash nor the moment of
# her last sign-in (which changes at each sign-in and says nothing about her access).
@pghistory.track(exclude=["password", "last_login"], append_only=True)
class User(AbstractUser):
    """A member of staff (or an inspector). Accounts are deactivated, never deleted.

    Her gender matters to Rule 19 (personal searches by women staff only). The facilities
    she works in are object permissions on `facilities.Facility` (see `staff.services`). Her
    role, facilities and recorded gender change only when a second person confirms the
    change (`AccessChange`).
    """

    gender = models.CharField(
        _("gender"), max_length=16, choices=Gender, default=Gender.UNDISCLOSED
    )
    must_change_password = models.BooleanField(
        _("must set a new password"),
        default=False,
        help_text=_(
            "Set when an administrator resets her password: she chooses a new one "
            "before anything else."
        ),
    )

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def has_perm(self, perm, obj=None):
        """Django's, asking the authentication backends made once a process (`backends`):
        Django makes each again at every call, and a page asks a few dozen times."""
        if self.is_active and self.is_superuser:
            return True
        for backend in backends():
            if not hasattr(backend, "has_perm"):
                continue
            try:
                if backend.has_perm(self, perm, obj):
                    return True
            except PermissionDenied:
                return False
        return False

    @cached_property
    def role(self) -> Role | None:
        """Her role: the first of her groups that names a role (read with her permissions, in
        one statement, then kept: `staff.backends.read_access`)."""
        from .backends import read_access

        return read_access(self).__dict__["role"]

    @property
    def role_code(self) -> str:
        return self.role.code if self.role else ""


class Course(models.TextChoices):
    """The trainings Rules 19 and 29-35 name (RULES-SPEC 2.16)."""

    SEARCH_METHODS = "search_methods", _("Search methods (Rule 19)")
    CHILD_SEARCHES = "child_searches", _("Searching children (Rule 21)")
    GENDER_SENSITIVITY = (
        "gender_sensitivity",
        _("Gender sensitivity and prevention of sexual harassment (Rule 32)"),
    )
    WOMENS_NEEDS = "womens_needs", _("Women's rights and gender-specific needs (Rule 33.1)")
    WOMENS_HEALTH = "womens_health", _("Women's health and first aid (Rule 33.2)")
    CHILD_DEVELOPMENT = "child_development", _("Child development and child health (Rule 33.3)")
    HIV = "hiv", _("HIV prevention, treatment, care and support (Rule 34)")
    MENTAL_HEALTH = "mental_health", _("Mental health, suicide and self-harm (Rule 35)")
    BANGKOK_RULES = "bangkok_rules", _("The Bangkok Rules (Rule 70.4)")


class TrainingRecordQuerySet(models.QuerySet):
    def valid_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(completed__lte=day).filter(
            models.Q(expires__isnull=True) | models.Q(expires__gte=day)
        )

    def lawful_for(self, moment):
        """Valid on the day of `moment` and in effect by then: a training confirmed after an
        act never makes that act lawful, whatever day it says it was completed."""
        return self.valid_on(timezone.localdate(moment)).filter(in_effect_from__lte=moment)


def _not_same(field: str, other: str, name: str, message) -> models.CheckConstraint:
    """`field` and `other` never name the same person (either may be empty)."""
    return models.CheckConstraint(
        condition=~models.Q(**{field: models.F(other)}),
        name=name,
        violation_error_message=message,
    )


NOT_HERSELF = _("Nobody records or confirms her own training.")


@pghistory.track(append_only=True)
class TrainingRecord(models.Model):
    """A training she has, in effect from the moment it is confirmed (`in_effect_from`): only
    a confirmed `AccessChange` of kind training writes one (or the trusted bootstrap of demo
    data and tests, `staff.services.grant_confirmed`). A certificate may say it was completed
    in the past, but it counts only for acts done after its confirmation (Rule 19: a training
    can't be backdated to make an earlier search lawful). A record is never changed or
    deleted: a correction is a new record, confirmed again."""

    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="training_records", verbose_name=_("staff")
    )
    course = models.CharField(_("course"), max_length=32, choices=Course)
    completed = models.DateField(_("completed on"))
    expires = models.DateField(_("expires on"), null=True, blank=True)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    in_effect_from = models.DateTimeField(
        _("in effect from"),
        default=timezone.now,
        help_text=_("When it was confirmed: it counts for acts done from then on."),
    )
    recorded_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    confirmed_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    objects = TrainingRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("training record")
        ordering = ["user", "course", "-completed"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires__isnull=True)
                | models.Q(expires__gt=models.F("completed")),
                name="training_expires_after_completion",
                violation_error_message=_("A training can't expire before it was completed."),
            ),
            _not_same("recorded_by", "user", "training_not_recorded_by_herself", NOT_HERSELF),
            _not_same("confirmed_by", "user", "training_not_confirmed_by_herself", NOT_HERSELF),
            _not_same(
                "confirmed_by",
                "recorded_by",
                "training_confirmed_by_another",
                _("A training is confirmed by someone other than who recorded it."),
            ),
        ]
        indexes = [models.Index(fields=["course", "expires"])]
        triggers = [
            pgtrigger.Protect(
                name="training_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_course_display()}"

    def is_valid_on(self, day) -> bool:
        return self.completed <= day and (self.expires is None or self.expires >= day)


@pghistory.track()
class Employment(models.Model):
    """Her post: the job she holds, how senior it is (Rule 29: women in senior posts too) and
    when she started working with women prisoners (Rule 33.1: a new starter completes the
    training in their rights and gender-specific needs within the set time). Kept by the
    account manager with her account; every change is kept."""

    user = models.OneToOneField(
        User, on_delete=models.PROTECT, related_name="employment", verbose_name=_("staff")
    )
    post = models.CharField(
        _("post"),
        max_length=200,
        blank=True,
        help_text=_("Her job title, as the service names it."),
    )
    grade = models.CharField(_("grade"), max_length=16, choices=Grade, default=Grade.OFFICER)
    started_on = models.DateField(
        _("started working with women prisoners"),
        null=True,
        blank=True,
        help_text=_(
            "A new starter completes the training in women's rights and gender-specific needs "
            "within the set time of this day (Rule 33.1). Empty for staff who started before "
            "it was recorded."
        ),
    )

    class Meta:
        verbose_name = _("post")
        triggers = [pgtrigger.Protect(name="employment_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_grade_display()}"


class AccessChange(models.Model):
    """A widening of someone's access, waiting for a second person (QUALITY S13).

    A grant of a role or a facility, a change of her recorded gender (Rule 19) or a training
    record has no effect anywhere until a governor of the facility concerned (another system
    administrator for the system administrator role) confirms it; nobody requests or decides
    a change about herself, nor decides her own request. Refused changes are kept with who
    refused them. Taking a role or a facility away needs nobody's confirmation and is not
    an AccessChange (it is audited).
    """

    class Kind(models.TextChoices):
        ROLE = "role", _("Role")
        FACILITY = "facility", _("Facility")
        GENDER = "gender", _("Recorded gender")
        TRAINING = "training", _("Training")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        REFUSED = "refused", _("Refused")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("change"), max_length=16, choices=Kind)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="access_changes",
        verbose_name=_("staff member"),
    )
    facility = models.ForeignKey(
        "facilities.Facility",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facility"),
    )
    old_value = models.CharField(_("from"), max_length=32, blank=True)
    new_value = models.CharField(_("to"), max_length=32, blank=True)
    course = models.CharField(_("course"), max_length=32, choices=Course, blank=True)
    completed = models.DateField(_("completed on"), null=True, blank=True)
    expires = models.DateField(_("expires on"), null=True, blank=True)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
        help_text=_("Empty for the trusted set-up of a new installation (management commands)."),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason for refusing"), blank=True, max_length=5000)
    trusted = models.BooleanField(
        default=False,
        editable=False,
        help_text=_("Applied by a management command (set-up, demo data), not from the web."),
    )

    class Meta:
        verbose_name = _("access change")
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["status", "kind", "facility"])]
        constraints = [
            _not_same(
                "requested_by",
                "subject",
                "access_change_not_requested_by_herself",
                _("Nobody requests a change of her own access."),
            ),
            _not_same(
                "decided_by",
                "subject",
                "access_change_not_decided_by_herself",
                _("Nobody confirms or refuses a change of her own access."),
            ),
            _not_same(
                "decided_by",
                "requested_by",
                "access_change_decided_by_another",
                _("A change is confirmed or refused by someone other than who requested it."),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    status="pending", decided_by__isnull=True, decided_at__isnull=True
                )
                | (
                    ~models.Q(status="pending")
                    & models.Q(decided_at__isnull=False)
                    & (models.Q(decided_by__isnull=False) | models.Q(trusted=True))
                ),
                name="access_change_decided_by_someone",
            ),
            models.CheckConstraint(
                condition=models.Q(trusted=False)
                | models.Q(status="confirmed", requested_by__isnull=True),
                name="access_change_trusted_is_set_up",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="facility", facility__isnull=False)
                    | models.Q(kind__in=["role", "gender"], new_value__gt="")
                    | models.Q(kind="training", course__gt="", completed__isnull=False)
                ),
                name="access_change_says_what",
            ),
            models.CheckConstraint(
                condition=models.Q(expires__isnull=True)
                | models.Q(expires__gt=models.F("completed")),
                name="access_change_training_expires_after_completion",
                violation_error_message=_("A training can't expire before it was completed."),
            ),
            models.UniqueConstraint(
                fields=["subject", "kind"],
                condition=models.Q(status="pending", kind__in=["role", "gender"]),
                name="one_pending_role_or_gender_change",
                violation_error_message=_(
                    "A change of this kind is already waiting for confirmation for her."
                ),
            ),
            models.UniqueConstraint(
                fields=["subject", "facility"],
                condition=models.Q(status="pending", kind="facility"),
                name="one_pending_grant_per_facility",
                violation_error_message=_(
                    "This facility is already waiting for confirmation for her."
                ),
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="access_change_no_delete", operation=pgtrigger.Delete),
            # What was asked never changes; a decision is final.
            pgtrigger.ReadOnly(
                name="access_change_request_unchanged",
                exclude=["status", "decided_by", "decided_at", "reason"],
            ),
            pgtrigger.Protect(
                name="access_change_decision_final",
                operation=pgtrigger.Update,
                condition=~pgtrigger.Q(old__status="pending"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    def describe(self, value: str | None = None) -> str:
        """What is asked (or `value`, e.g. the old one), in words: roles and genders by their
        labels."""

        value = self.new_value if value is None else value
        if self.kind == self.Kind.FACILITY:
            return str(self.facility)
        if self.kind == self.Kind.ROLE:
            role = ROLES.get(value)
            return str(role.label) if role else value
        if self.kind == self.Kind.GENDER:
            return str(Gender(value).label) if value in Gender.values else value
        return str(Course(self.course).label)

    @property
    def old_label(self) -> str:
        return self.describe(self.old_value) if self.old_value else ""


pghistory.track(append_only=True)(AccessChange)

# Role grants (her groups) and facility grants (guardian's object permissions) keep their
# history too: each grant and each removal is an event row.
pghistory.track(
    pghistory.InsertEvent("role.granted"),
    pghistory.DeleteEvent("role.removed"),
    model_name="RoleGrantEvent",
    app_label="staff",
    obj_field=None,
    append_only=True,
)(User.groups.through)


class FacilityGrant(UserObjectPermission):
    """Guardian's object permissions as this app sees them: a proxy, so that the history
    triggers on that table are migrated here (guardian's own migrations can't carry them)."""

    class Meta:
        proxy = True
        app_label = "staff"


pghistory.track(
    pghistory.InsertEvent("facility.granted"),
    pghistory.DeleteEvent("facility.removed"),
    model_name="FacilityGrantEvent",
    app_label="staff",
    obj_field=None,
    append_only=True,
)(FacilityGrant)
