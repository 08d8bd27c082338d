"""Nothing is overwritten: a record that staff change carries a version.

Every changeable case record (`Versioned`) has an integer `version`. A database trigger moves
it on every UPDATE that changes the row, whatever the door (a service, the admin, raw SQL),
and keeps it from being set by hand; the triggers are installed after every `migrate`, like
the no-delete triggers (`audit.kept`).

A change of an existing record names the version it was based on: the API's `If-Match`
header (the record's `ETag`), a page form's hidden `version` field. `holding` compares it
under the record's row lock, so of two changes based on one version, one is written and the
other is told the record changed since it was read: nothing is overwritten unseen.

What counts as a change of an existing record: every change whose address names that record
(an action on a charge, a visit, a complaint; an edit of a child). An action on the woman that
records something new about her (a new charge, a new visit booked) names no earlier record
and carries no version.

Order of answers: whoever may not act on the record gets the 404 of a missing record first
(the area's access funnel and the service's role checks run inside `holding`, before the
version is compared); only then is a change without a version refused (428) or a stale one
(412), before any refusal under a Rule, which is about a state the caller may not have seen.
"""

from contextlib import contextmanager

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connections, models, transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import status
from rest_framework.exceptions import APIException

from .errors import RuleBroken
from .schema import ERROR

FIELD = "version"
TRIGGER = "move_version"
FUNCTION = "move_version"
STALE = _("This record was changed since you opened it. Look at it again before you change it.")
MISSING = _(
    "Say which version of the record you are changing: send its ETag in If-Match (a change "
    "is never made to a record you have not read)."
)

MOVE = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
BEGIN
    NEW.{FIELD} := OLD.{FIELD};
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.{FIELD} := OLD.{FIELD} + 1;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


class VersionField(models.PositiveIntegerField):
    """Written by the database only: an UPDATE leaves it to the trigger and reads back what the
    trigger set (RETURNING), so a record saved in memory knows its new version."""

    def pre_save(self, model_instance, add):
        if add:
            return super().pre_save(model_instance, add)
        return models.F(self.attname)


class Versioned(models.Model):
    """A case record staff change after it is made: its `version` moves on every change."""

    version = VersionField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Moved by the database on every change; a change names the one it read."),
    )

    class Meta:
        abstract = True

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is not None and FIELD not in update_fields:
            update_fields = [*update_fields, FIELD]
        super().save(*args, update_fields=update_fields, **kwargs)


class NotCurrent(APIException):
    """A change that doesn't name the version it is based on, or names an old one; `current`
    is the version the record has (the API answers it as the `ETag`)."""

    def __init__(self, current: int | None = None):
        super().__init__()
        self.current = current


class VersionMissing(NotCurrent):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = MISSING
    default_code = "precondition_required"


class VersionStale(NotCurrent):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = STALE
    default_code = "precondition_failed"


def etag(version: int) -> str:
    return f'"{version}"'


def claimed_version(header: str | None) -> int | None:
    """The version an `If-Match` header names (`"3"`, or `W/"3"`), None when it names none."""
    if not header:
        return None
    for tag in header.split(","):
        tag = tag.strip().removeprefix("W/").strip('"')
        if tag.isascii() and tag.isdigit():
            return int(tag)
    return None


def current_version(record) -> int:
    return type(record)._base_manager.filter(pk=record.pk).values_list(FIELD, flat=True).get()


@contextmanager
def holding(record: Versioned, claimed: int | None):
    """Lock `record`'s row for the change made inside, and refuse the change (rolling back what
    it wrote) unless `claimed` is the version the record had when it was locked.

    The version is compared after the change's role checks (a refusal of access leaves as it
    came, a 404) and before its Rule refusals: a stale change is told so, not refused on a
    state the caller hasn't seen."""
    with transaction.atomic():
        locked = (
            type(record)
            ._base_manager.select_for_update(of=("self",))
            .filter(pk=record.pk)
            .values_list(FIELD, flat=True)
            .get()
        )
        try:
            yield
        except (RuleBroken, ValidationError):
            _compare(locked, claimed)
            raise
        _compare(locked, claimed)
    record.version = current_version(record)


def _compare(locked: int, claimed: int | None) -> None:
    if claimed is None:
        raise VersionMissing(locked)
    if claimed != locked:
        raise VersionStale(locked)


def versioned_models() -> list:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Versioned) and not model._meta.proxy
    ]


def move_versions(using: str = "default", **kwargs) -> None:
    """Install the version trigger on every versioned table that lacks it (after `migrate`)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    existing = set(connection.introspection.table_names())
    tables = {model._meta.db_table for model in versioned_models()} & existing
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = %s AND NOT t.tgisinternal",
            [TRIGGER],
        )
        missing = tables - {row[0] for row in cursor.fetchall()}
        if not missing:
            return
        cursor.execute(MOVE)
        quote = connection.ops.quote_name
        for table in sorted(missing):
            cursor.execute(
                f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE ON {quote(table)} "
                f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
            )


# How the API documents it: the header a change sends, the header its answer carries, and the
# two refusals.
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    # Declared optional so that its absence has its own documented answer (428, after the
    # caller's right to act is checked) rather than the 400 a required header would promise.
    required=False,
    description=(
        "The record's version as last read: the `ETag` of its read, or its `version` in "
        'quotes ("3"). Every change sends it: 428 without it, 412 when the record changed '
        "since."
    ),
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201, 202, 412, 428],
    description="The record's version now: send it in If-Match to change it.",
)
VERSION_HEADERS = [IF_MATCH, ETAG]
READ_HEADERS = [
    OpenApiParameter(
        "ETag",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        response=[200],
        description="The record's version: send it in If-Match to change it.",
    )
]
VERSION_ANSWERS = {
    412: OpenApiResponse(
        ERROR,
        description=(
            "The record was changed since the version named in If-Match; nothing written. "
            "Read it again and decide on what it says now."
        ),
    ),
    428: OpenApiResponse(
        ERROR, description="No version named in If-Match; nothing written (no blind change)."
    ),
}


class VersionedView:
    """An API view that reads or changes one versioned record: `change` makes the change under
    `holding` with the version If-Match names, `read` notes the record read, and the answer
    carries the record's `ETag`."""

    versioned: type[Versioned] | None = None
    _version: int | None = None

    def read(self, record):
        self._version = record.version
        return record

    def change(self, request, record, make):
        """`make()`'s result, made only if `record` is still at the version If-Match names."""
        try:
            with holding(record, claimed_version(request.headers.get("If-Match"))):
                result = make()
        except NotCurrent as refused:
            # Told what the version is now (she may change it only by reading it again).
            self._version = refused.current
            raise
        self._version = record.version
        return result

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        answered = 200 <= response.status_code < 300 or response.status_code in (412, 428)
        if self._version is not None and answered:
            response["ETag"] = etag(self._version)
        return response
