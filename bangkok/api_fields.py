"""Serializer fields that take JSON as the schema says: a string is a string, a boolean a
boolean. DRF's own fields coerce (0 becomes "0" or False), so a client's mistake would be
stored as something it never meant; these refuse it with a 400 naming the field."""

from django.db import models
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class StrictIntegerField(serializers.IntegerField):
    """An integer as JSON writes it: "3", 3.0 and true are refused, not coerced."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictSlugRelatedField(serializers.SlugRelatedField):
    """A record named by a slug that is a string as JSON writes it, never a number nor text
    the database can't hold (a NUL byte): anything else is "no such record", a 400."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=repr(data))
        return super().to_internal_value(data)


class StrictModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.BooleanField: StrictBooleanField,
    }


class SlugMaxLength(OpenApiSerializerFieldExtension):
    """A record named by its slug (a username, a facility code) is described in the schema
    with the length of the column it is looked up in, as a free text is."""

    target_class = "rest_framework.relations.SlugRelatedField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        queryset = getattr(self.target, "queryset", None)
        if queryset is not None and schema.get("type") == "string":
            column = queryset.model._meta.get_field(self.target.slug_field)
            if getattr(column, "max_length", None):
                schema["maxLength"] = column.max_length
        return schema
