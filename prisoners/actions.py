"""What staff do with her core record, declared once for the page and the API
(`bangkok.actions`): moving her to another unit of her facility (Rules 49, 51.2; Mandela 11).
A woman outside the caller's facilities, or a role that may not move her, is the 404 of a
woman who doesn't exist; a refusal under a Rule is a 409 (beside the form on a page) naming
it, with nothing written."""

from django.utils.translation import gettext as gettext_now

from bangkok.actions import Action, Area, Page, to

from . import services
from .forms import PlaceForm
from .permissions import access_prisoner
from .serializers import PlaceInput, PlacementSerializer

AREA = Area(
    tag="prisoners",
    access=lambda user, uuid, write=True: access_prisoner(user, uuid),
    not_found=None,
    prefix="api",
)


def _placed(placement) -> str:
    return gettext_now("She now lives on %(unit)s.") % {"unit": placement.unit.name}


ACTIONS = [
    Action(
        "prisoner-unit",
        "prisoners/<uuid:uuid>/unit/",
        "Move her to another unit of her facility (Rules 49, 51.2; Mandela 11)",
        services.place_on_unit,
        PlacementSerializer,
        PlaceInput,
        created=True,
        her=True,
        perm=services.PLACE,
        rules=("M11", "51.2"),
        description=(
            "Reception, custody and the governor. Refused (409, M11): a girl under 18 anywhere "
            "but the unit for girls, an adult woman there, an untried woman where convicted "
            "women live or the other way round, a woman held under civil or immigration law "
            "with either. Refused (409, 51.2): a mother whose child lives with her anywhere "
            "but a unit suited to children. 400 naming `unit` for a unit of another facility "
            "or the one she is on. It changes her record: send her `ETag` (from her read, "
            "`/api/v1/prisoners/<uuid>/`) in If-Match."
        ),
        page=Page(
            "<uuid:uuid>/unit/",
            PlaceForm,
            name="unit",
            template="prisoners/unit.html",
            form_kwargs=lambda request, woman: {"woman": woman},
            context=lambda request, woman: {
                "placements": woman.placements.select_related("unit", "from_unit")[:10]
            },
            done=_placed,
            then=to("prisoners:detail", of="target"),
        ),
    ),
]
