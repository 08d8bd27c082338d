"""What staff do for a girl (Rules 36-39), declared once for the API and the page
(`bangkok.actions`): record that her parent or guardian was told of her admission, transfer or
release, or that nobody could be reached. A woman outside the caller's facilities, or a role
that may not do it, is the 404 of a woman who doesn't exist; a woman of 18 or over is a 400
(her family is told only as she asks), with nothing written."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, titled, to
from bangkok.schema import ERROR

from . import api, services
from . import serializers as io
from .forms import GuardianNoticeForm
from .permissions import RECORD, access_her

NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such woman in your facilities, or your role doesn't do this (the same answer "
        "either way)."
    ),
)

WOMAN = Area(tag=api.TAG, access=access_her, not_found=NOT_FOUND, prefix="api-girls")


WOMAN_ACTIONS = [
    Action(
        "tell-guardian",
        "prisoners/<uuid:uuid>/guardian-notices/",
        "Record that her parent or guardian was told of her admission, transfer or release, "
        "or that nobody could be reached (Rule 36)",
        services.record_guardian_notice,
        io.GuardianNoticeSerializer,
        io.GuardianNoticeInput,
        created=True,
        changes=False,
        perm=RECORD,
        reads=api.HerNotices,
        page=Page(
            "women/<uuid:uuid>/guardian/new/",
            GuardianNoticeForm,
            template="girls/her_form.html",
            context=titled(
                _("Her parent or guardian told"),
                _(
                    "A girl's parent or guardian is told when she is admitted, transferred or "
                    "released. If nobody could be reached, say what was tried: the task stays "
                    "open until they are told."
                ),
            ),
            done=_("The notice to her parent or guardian is recorded."),
            then=to("prisoners:detail", of="target"),
        ),
    ),
]

GROUPS = ((WOMAN_ACTIONS, WOMAN),)
