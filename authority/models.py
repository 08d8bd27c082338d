"""An action that needs the authority of the person who holds it (the governor, or health
staff) waits for her to give it with her own sign-in, or, where the Rules allow acting first in
an emergency (a restraint to prevent injury or escape: Mandela 47-48), takes effect at once and
must be confirmed or ended by `authority_due_at`.

`AwaitsAuthority` is the part of such a record that says whose authority was sought, by whom,
and who confirmed or refused it and when. The database holds its shape: a confirmed record
names who confirmed, a refused one who refused and why, a pending one neither; and the person
who asked is never the one who confirms or refuses. The verbs are in `authority.services`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned

if TYPE_CHECKING:
    from typing import Any, ClassVar
    from uuid import UUID

    from facilities.models import Facility
    from prisoners.models import Prisoner


class AuthorityState(models.TextChoices):
    PENDING = "pending", _("Awaiting authority")
    CONFIRMED = "confirmed", _("Authorised")
    REFUSED = "refused", _("Authority refused")


def _person(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class AwaitsAuthority(Versioned):
    authority = models.CharField(
        _("authority"),
        max_length=10,
        choices=AuthorityState,
        default=AuthorityState.CONFIRMED,
    )
    authority_sought_from = _person(_("authority sought from"))
    authority_requested_by = _person(_("authority asked by"))
    authority_requested_at = models.DateTimeField(_("authority asked"), null=True, blank=True)
    authority_due_at = models.DateTimeField(
        _("to be confirmed by"),
        null=True,
        blank=True,
        help_text=_("For an action taken at once in an emergency: confirmed or ended by then."),
    )
    authorised_by = _person(_("authorised by"))
    authority_refused_by = _person(_("authority refused by"))
    authority_decided_at = models.DateTimeField(_("authority decided"), null=True, blank=True)
    authority_refusal = models.TextField(
        _("why authority was refused"), blank=True, max_length=5000
    )
    authority_escalated_at = models.DateTimeField(null=True, blank=True)

    if TYPE_CHECKING:
        # What every model that awaits authority has besides (`authority.registry.Authority`).
        uuid: UUID
        prisoner: Prisoner
        prisoner_id: int
        facility: Facility
        facility_id: int
        objects: ClassVar[models.Manager[Any]]

    class Meta:
        abstract = True

    @property
    def awaits_authority(self) -> bool:
        return self.authority == AuthorityState.PENDING

    @property
    def authority_refused(self) -> bool:
        return self.authority == AuthorityState.REFUSED

    @property
    def authority_late(self) -> bool:
        """Confirmed or refused after its limit, or still awaited past it."""
        due = self.authority_due_at
        if due is None:
            return False
        if self.authority_decided_at is not None:
            return self.authority_decided_at > due
        from django.utils import timezone

        return timezone.now() > due


def authority_constraints() -> list:
    """The database's hold on an `AwaitsAuthority` record (add to the model's constraints)."""
    pending, confirmed, refused = (Q(authority=s) for s in AuthorityState.values)
    return [
        models.CheckConstraint(
            condition=(
                pending
                & Q(authorised_by__isnull=True, authority_refused_by__isnull=True)
                & Q(authority_decided_at__isnull=True)
            )
            | (
                confirmed
                & Q(authorised_by__isnull=False, authority_refused_by__isnull=True)
                & Q(authority_decided_at__isnull=False)
            )
            | (
                refused
                & Q(authorised_by__isnull=True, authority_refused_by__isnull=False)
                & Q(authority_decided_at__isnull=False)
                & ~Q(authority_refusal="")
            ),
            name="%(app_label)s_%(class)s_authority_state",
            violation_error_message=_(
                "Authority is awaited, given by someone, or refused by someone with a reason."
            ),
        ),
        models.CheckConstraint(
            condition=Q(authority_requested_by__isnull=True)
            | (
                ~Q(authorised_by=F("authority_requested_by"))
                & ~Q(authority_refused_by=F("authority_requested_by"))
            ),
            name="%(app_label)s_%(class)s_authority_not_self",
            violation_error_message=_("Whoever asked for authority can't give or refuse it."),
        ),
        models.CheckConstraint(
            condition=Q(authority_requested_by__isnull=True)
            | Q(authority_requested_at__isnull=False, authority_sought_from__isnull=True)
            | (
                Q(authority_requested_at__isnull=False)
                & (
                    Q(authorised_by__isnull=True, authority_refused_by__isnull=True)
                    | Q(authorised_by=F("authority_sought_from"))
                    | Q(authority_refused_by=F("authority_sought_from"))
                )
            ),
            name="%(app_label)s_%(class)s_authority_from_named",
            violation_error_message=_("Only the person whose authority was sought decides."),
        ),
    ]
