"""A column's identity (`bangkok.orm`) is the one Django computes, for every column the
project's models and Django's can select."""

import pytest
from django.apps import apps
from django.db.models import CharField, IntegerField
from django.db.models.expressions import Col, Expression

from bangkok.orm import column_identity

COLUMNS = [
    (model, field)
    for model in apps.get_models(include_auto_created=True)
    for field in model._meta.concrete_fields
]


def djangos(column: Col) -> tuple:
    return Expression.identity.func(column)


def test_columns_take_their_identity_from_bangkok():
    assert Col.__dict__["identity"].func is column_identity


@pytest.mark.parametrize("alias", [None, "T3", "facilities_facility"])
def test_every_columns_identity_is_djangos(alias):
    assert len(COLUMNS) > 1000
    for model, field in COLUMNS:
        made = [
            Col(alias, field),
            Col(alias, field, output_field=CharField()),
            Col(alias, field, IntegerField()),
            Col(alias=alias, target=field),
            Col(alias, field, field),
        ]
        for column in made:
            assert column_identity(column) == djangos(column), (model, field.name, column)
            assert hash(column) == hash(djangos(column))


def test_columns_equal_as_djangos_say():
    first, second = COLUMNS[0][1], COLUMNS[1][1]
    assert Col("T1", first) == Col("T1", first)
    assert Col("T1", first) != Col("T2", first)
    assert Col("T1", first) != Col("T1", second)
    assert Col("T1", first) != Col("T1", first, CharField())
    assert {Col("T1", first), Col("T1", first)} == {Col("T1", first)}


def test_a_column_of_another_kind_keeps_djangos_reading():
    class Other(Col):
        def __init__(self, alias, target, output_field=None, extra=None):
            super().__init__(alias, target, output_field)

    field = COLUMNS[0][1]
    column = Other("T1", field, extra=("a", 1))
    assert column.identity == djangos(column)
    assert ("extra", ("a", 1)) in column.identity


@pytest.mark.django_db
def test_the_connections_ask_postgresql_not_to_compile_queries_just_in_time():
    """JIT compiling cost oversight's national counts more than it saved (settings)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
