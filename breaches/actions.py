"""Recording a breach of a Rule that happened anyway, declared once for the API and the page
(`bangkok.actions`): any role that writes her case records, in her facility; any other role,
or a woman outside the caller's facilities, is the 404 of a woman who doesn't exist."""

from django.utils.translation import gettext_lazy as _

from bangkok.actions import Action, Area, Page, to

from . import api, services
from .forms import BreachForm
from .permissions import access_to_read
from .serializers import BreachInput, BreachSerializer

AREA = Area(tag=api.TAG, access=access_to_read, not_found=api.NOT_FOUND, prefix="api-breaches")

ACTIONS = [
    Action(
        "record",
        "prisoners/<uuid:uuid>/breaches/record/",
        "Record a breach of a Rule that happened anyway (Rules 19, 21, 22, 24; M45, M52)",
        services.record_breach,
        BreachSerializer,
        BreachInput,
        created=True,
        description=(
            "Any role that writes her case records, in her facility. The rule follows from "
            "`kind`; the governor is given a task and the breach counts on oversight, in "
            "the count that must be zero of the same key."
        ),
        page=Page(
            "women/<uuid:uuid>/new/",
            BreachForm,
            template="breaches/record.html",
            done=_("Breach recorded. The governor and the inspector are told of it."),
            then=to("prisoners:detail", of="target", section="breaches"),
        ),
    ),
]
