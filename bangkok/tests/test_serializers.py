"""A model serializer's fields made once a class (`bangkok.serializers.ModelSerializer`) are
the fields DRF makes each time, and every serializer has its own."""

import pytest
from rest_framework import serializers

from prisoners.serializers import (
    PlacementSerializer,
    PrisonerDetailSerializer,
    PrisonerListSerializer,
    ProtectionFlagsSerializer,
    UnitSerializer,
)

KINDS = [
    PrisonerDetailSerializer,
    PrisonerListSerializer,
    ProtectionFlagsSerializer,
    UnitSerializer,
    PlacementSerializer,
]


@pytest.mark.parametrize("kind", KINDS)
def test_the_fields_made_once_are_those_drf_makes_each_time(kind):
    made = {name: repr(field) for name, field in kind().get_fields().items()}
    drf = serializers.ModelSerializer.get_fields(kind())
    assert made == {name: repr(field) for name, field in drf.items()}
    assert list(made) == list(kind.Meta.fields)


@pytest.mark.parametrize("kind", KINDS)
def test_no_serializer_shares_a_field_with_another(kind):
    first, second = kind(), kind()
    for name, field in first.fields.items():
        assert field is not second.fields[name]
        assert field.parent is first and second.fields[name].parent is second
    # A field changed on one serializer (as a view may for a caller) is changed on it alone.
    name = next(iter(first.fields))
    first.fields[name].label = "Changed here"
    assert kind().fields[name].label != "Changed here"
