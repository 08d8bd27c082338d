"""The API operations by which a governor confirms or refuses an area's records: one pair per
area, declared in the area's own API table with its serializer."""

from bangkok.actions import Operation

from .serializers import RefuseInput
from .services import verbs_for


def decisions(
    name: str, path: str, model, out, key: str, *, rules: tuple[str, ...], description: str = ""
) -> list[Operation]:
    """POST `<path>/<uuid>/confirm/` and `<path>/<uuid>/refuse/` for the area registered as
    `key`: the record answered with `out`."""
    confirm, refuse = verbs_for(key)
    words = name.replace("-", " ")
    return [
        Operation(
            f"{name}-confirm",
            f"{path}/<uuid:uuid>/confirm/",
            f"Confirm a {words}: it takes effect once given (the governor)",
            confirm,
            out,
            model=model,
            arg="record",
            rules=rules,
            description=description,
        ),
        Operation(
            f"{name}-refuse",
            f"{path}/<uuid:uuid>/refuse/",
            f"Refuse a {words}, with a reason: it never takes effect",
            refuse,
            out,
            RefuseInput,
            model=model,
            arg="record",
        ),
    ]
