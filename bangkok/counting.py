"""Many counts in one statement: how many records each of several QuerySets holds, and how
many of them match each of its conditions (a `Q` of the QuerySet's model), whatever the
number of QuerySets, their tables or their conditions (the dashboard's counts: her queues,
their buckets, the authorities waiting for her, her tasks, the women in custody).

Each QuerySet is read as a subquery with one boolean column a condition, counted by
conditional aggregates (`count(*) FILTER (WHERE ...)`); the counts of every QuerySet are the
one row of their cross join (an aggregate without GROUP BY answers exactly one row, empty
table or not). A condition is resolved by Django as a `Count(..., filter=...)` would resolve
it (the same joins, the same handling of NULLs), and a record counts as many times as the
QuerySet would list it, as `QuerySet.count()` counts it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

# Where the count of every record of a QuerySet is found in its answer.
ALL = ""


def counts(asked: Sequence[tuple[QuerySet, Mapping[str, Q]]]) -> list[dict[str, int]]:
    """For each (records, conditions) asked: {ALL: how many records, key: how many of them
    match the condition of that key, ...}, in one statement for them all (none when every
    QuerySet is empty by construction: no facility, a role without the right)."""
    answers: list[dict[str, int] | None] = []
    parts: list[tuple[str, tuple]] = []
    using = None
    for records, conditions in asked:
        keys = list(conditions)
        sql = _part(records, keys, conditions, len(parts))
        if sql is None:
            answers.append(dict.fromkeys([ALL, *keys], 0))
            continue
        if using is not None and records.db != using:
            raise ValueError("Counted together, the QuerySets are read from one database.")
        using = records.db
        answers.append(None)
        parts.append(sql)
    if parts:
        # Django's own SQL of each QuerySet, every value a parameter.
        statement = "SELECT * FROM " + " CROSS JOIN ".join(sql for sql, _ in parts)  # noqa: S608
        params = tuple(param for _, each in parts for param in each)
        with connections[using].cursor() as cursor:
            cursor.execute(statement, params)
            row = iter(cursor.fetchone())
        for number, (_records, conditions) in enumerate(asked):
            if answers[number] is None:
                answers[number] = {key: next(row) for key in (ALL, *conditions)}
    return [answer or {} for answer in answers]


def sizes[K](asked: Mapping[K, QuerySet]) -> dict[K, int]:
    """{key: how many records its QuerySet holds}, as `QuerySet.count()` answers, in one
    statement for them all (oversight's counts of a period)."""
    answers = counts([(records, {}) for records in asked.values()])
    return {key: answer[ALL] for key, answer in zip(asked, answers, strict=True)}


def sizes_by[K](asked: Mapping[K, tuple[QuerySet, str]]) -> dict[K, dict]:
    """{key: {a value of its field: how many of its records have it}} for each (records, a
    field or path of theirs, e.g. "facility" or "prisoner__facility") asked, each record
    counted as `QuerySet.count()` counts it, in one statement for them all (oversight's
    counts per facility, counted ahead by the beat)."""
    found: dict[K, dict] = {key: {} for key in asked}
    keys = list(asked)
    parts: list[str] = []
    params: list = []
    using = None
    for number, key in enumerate(keys):
        records, field = asked[key]
        inner = records.order_by().values_list(field)
        try:
            sql, each = inner.query.get_compiler(using=records.db).as_sql()
        except EmptyResultSet:
            continue
        if using is not None and records.db != using:
            raise ValueError("Counted together, the QuerySets are read from one database.")
        using = records.db
        # The number is the asked key's place; the one column is the field.
        parts.append(f"SELECT {number}, s.v, count(*) FROM ({sql}) s(v) GROUP BY 2")  # noqa: S608
        params.extend(each)
    if parts:
        with connections[using].cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for number, value, count in cursor.fetchall():
                found[keys[number]][value] = count
    return found


def _part(records: QuerySet, keys: list[str], conditions: Mapping[str, Q], number: int):
    """The subquery counting `records` and those matching each condition, with its
    parameters; None when `records` is empty whatever the data."""
    names = [f"c{position}" for position in range(len(keys))]
    inner = records.order_by()
    if names:
        inner = inner.annotate(
            **{
                name: ExpressionWrapper(conditions[key], output_field=BooleanField())
                for name, key in zip(names, keys, strict=True)
            }
        )
    inner = inner.values_list(*(names or ["pk"]))
    try:
        sql, params = inner.query.get_compiler(using=records.db).as_sql()
    except EmptyResultSet:
        return None
    # A condition empty or full whatever the data is selected as 0 or 1: cast, it counts too.
    filtered = "".join(f", count(*) FILTER (WHERE s.{name}::boolean)" for name in names)
    return f"(SELECT count(*){filtered} FROM ({sql}) s) t{number}", tuple(params)  # noqa: S608
