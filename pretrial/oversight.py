"""Pretrial detention on oversight (Rules 56-58; Mandela 111): the women untried for more than
PRETRIAL_LONG_DAYS, and the hearings of girls under 18 held in the period (each with whether
the non-custodial alternatives were reviewed, Rule 65)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from oversight.registry import RecordList, Row

from . import reading
from .permissions import VIEW


def long_row(woman) -> Row:
    return Row(
        uuid=woman.uuid,
        when=woman.untried_since,
        woman=woman,
        what=_("Untried since %(day)s (more than %(days)s days)")
        % {"day": woman.untried_since.date().isoformat(), "days": settings.PRETRIAL_LONG_DAYS},
        url=reverse("prisoners:detail", args=[woman.uuid]),
    )


LISTS = (
    RecordList(
        key="long-pretrial",
        title=gettext_lazy("Women untried past the pretrial threshold"),
        rules="58",
        perm=VIEW,
        records=reading.long_pretrial,
        row=long_row,
        order=86,
    ),
)
