"""Rows written to PostgreSQL with COPY (psycopg 3's `cursor.copy`), in its text format.

A `Table` takes its name and columns from the model, so a column added to a model is either
given by the generator or filled with the model's default; a column the model requires and
nobody gives stops the load with its name rather than loading a wrong row."""

import json
import random
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.db.models.fields import NOT_PROVIDED

NULL = r"\N"
_SPECIAL = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class MissingColumn(LookupError):
    pass


def _array(values: list) -> str:
    inner = ",".join('"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values)
    return "{" + inner + "}"


def _text(value: str) -> str:
    if "\\" in value or not value.isprintable():
        return value.translate(_SPECIAL)
    return value


_DAYS: dict[int, str] = {}
_CLOCK = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(86400)]


class At(int):
    """A moment as whole seconds since 1970 (UTC): the big tables' times are sums of seconds,
    not datetimes, which cost a microsecond each to make and two to write."""

    __slots__ = ()


def _seconds(seconds: int) -> str:
    day, second = divmod(seconds, 86400)
    text = _DAYS.get(day)
    if text is None:
        text = _DAYS[day] = date.fromordinal(719163 + day).isoformat()
    return f"{text} {_CLOCK[second]}+00"


def _moment(value: datetime) -> str:
    """A time as UTC to the second, from tables of days and seconds (isoformat took 2 us a
    time, the half of all the generator's work)."""
    return _seconds(int(value.timestamp()))


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False).translate(_SPECIAL)


def _array_text(value: list) -> str:
    return _array(value).translate(_SPECIAL)


_ENCODERS: dict[type, Callable] = {
    str: _text,
    int: str,
    float: repr,
    Decimal: str,
    bool: lambda v: "t" if v else "f",
    type(None): lambda v: NULL,
    datetime: _moment,
    At: _seconds,
    date: date.isoformat,
    list: _array_text,
    dict: _json,
}


def encode(value) -> str:
    """One value in COPY's text format."""
    return _ENCODERS[type(value)](value)


def uuid_text(rng: random.Random) -> str:
    """A version-4 uuid from the generator's own random numbers (so a seed gives the same)."""
    bits = rng.getrandbits(128)
    bits = (bits & ~(0xF000 << 64)) | (0x4000 << 64)
    bits = (bits & ~(0xC000 << 48)) | (0x8000 << 48)
    return f"{bits:032x}"


class Table:
    """A model's table, the columns the generator gives, and the rest at their defaults."""

    def __init__(self, model: type[models.Model], given: Iterable[str], *, now: datetime):
        self.model = model
        self.name = model._meta.db_table
        given = list(given)
        fields = {f.column: f for f in model._meta.concrete_fields}
        unknown = set(given) - set(fields)
        if unknown:
            raise MissingColumn(f"{self.name} has no column {', '.join(sorted(unknown))}")
        self.makes_uuid = "uuid" in fields and "uuid" not in given
        self.columns = given + (["uuid"] if self.makes_uuid else [])
        constants = {}
        for column, f in fields.items():
            if column in self.columns:
                continue
            value = self._default(f, now)
            if isinstance(f, models.JSONField) and value is not None:
                value = json.dumps(value)
            constants[column] = encode(value)
        self.constants = constants
        self.all_columns = self.columns + list(constants)
        self.tail = "".join("\t" + text for text in constants.values())

    def _default(self, f: models.Field, now: datetime):
        if f.null:
            return None
        default = f.default
        if default is NOT_PROVIDED:
            if isinstance(f, models.CharField | models.TextField) and f.blank:
                return ""
            raise MissingColumn(f"{self.name}.{f.column} needs a value")
        if callable(default):
            made = default()
            if isinstance(made, datetime):
                return now
            return made
        if isinstance(default, models.Choices):
            return default.value
        return default

    def copy_sql(self, freeze: bool) -> str:
        columns = ", ".join(f'"{c}"' for c in self.all_columns)
        return f'COPY "{self.name}" ({columns}) FROM STDIN' + (" WITH (FREEZE)" if freeze else "")


class Writer:
    """Streams rows of one table into COPY in blocks, and says how many went."""

    BLOCK = 5000

    def __init__(self, cursor, table: Table, rng: random.Random, *, freeze: bool, tick: Callable):
        self.cursor = cursor
        self.table = table
        self.rng = rng
        self.freeze = freeze
        self.tick = tick
        self.count = 0

    def write(self, rows: Iterable[tuple]) -> int:
        table, rng, tail = self.table, self.rng, self.table.tail
        makes_uuid = table.makes_uuid
        encoders = _ENCODERS
        block: list[str] = []
        with self.cursor.copy(table.copy_sql(self.freeze)) as copy:
            for row in rows:
                line = "\t".join([encoders[type(v)](v) for v in row])
                if makes_uuid:
                    line += "\t" + uuid_text(rng)
                block.append(line + tail)
                if len(block) >= self.BLOCK:
                    copy.write("\n".join(block) + "\n")
                    self.count += len(block)
                    self.tick(len(block))
                    block = []
            if block:
                copy.write("\n".join(block) + "\n")
                self.count += len(block)
                self.tick(len(block))
        return self.count
