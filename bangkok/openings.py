"""A confidential record opened to one member of staff, on a recorded reason, until a time:
each read of it while it lasts is audited as a confidential read, by the area that keeps it.
A girl's sealed record opened to the governor on a legal basis (Havana r. 19, `girls.Opening`)
and the emergency part of a woman's clinical file read by break-glass (Rule 8,
`breakglass.Access`) are both kept this way: `Opened` is what they share, `open_to` what is
still open to a viewer, `lasting` when one opened now ends.

An opening is a fact: the area's model protects it from change (a trigger) and checks that it
ends after it opens (`ends_after_it_opens`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OpenedQuerySet(models.QuerySet):
    def open_to(self, user, *, now: datetime | None = None) -> OpenedQuerySet:
        """The openings to `user` still open (now, or at `now`), the longest first."""
        return self.filter(opened_by=user, until__gt=now or timezone.now()).order_by("-until")


class Opened(models.Model):
    """Who opened it, when, and until when it is open to her alone."""

    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now, editable=False)
    until = models.DateTimeField(_("open until"))

    objects = OpenedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_open(self) -> bool:
        return self.until > timezone.now()


def lasting(duration: timedelta, *, now: datetime | None = None) -> dict:
    """The times of an opening made now that lasts `duration`, as the model's fields."""
    now = now or timezone.now()
    return {"opened_at": now, "until": now + duration}


def ends_after_it_opens(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=models.Q(until__gt=models.F("opened_at")), name=name)
