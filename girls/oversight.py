"""Girls on oversight (Rule 36): the notices given to girls' parents or guardians in the
period, each reached or not. How many of the tasks to tell them were done late, and by how
long, is in oversight's timeliness, with every other task a Rule sets a time for."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.dates import during
from oversight.registry import RecordList, Row

from .models import GuardianNotice
from .permissions import VIEW


def notices(facilities, start, end):
    return (
        GuardianNotice.objects.filter(facility__in=facilities, **during("told_at", start, end))
        .select_related("prisoner")
        .order_by("-id")
    )


def notice_row(notice: GuardianNotice) -> Row:
    if notice.reached:
        what = _("Parent or guardian told: %(event)s") % {"event": notice.get_event_display()}
    else:
        what = _("Parent or guardian not reached: %(event)s") % {
            "event": notice.get_event_display()
        }
    return Row(uuid=notice.uuid, when=notice.told_at, woman=notice.prisoner, what=what)


LISTS = (
    RecordList(
        key="guardian-notices",
        dated="told_at",
        title=gettext_lazy("Girls' parents or guardians told"),
        rules="36",
        perm=VIEW,
        records=notices,
        row=notice_row,
        order=85,
    ),
)
