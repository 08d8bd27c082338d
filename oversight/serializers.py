from rest_framework import serializers


class WomanRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    prison_number = serializers.CharField()
    name = serializers.CharField(source="full_name")


class RowSerializer(serializers.Serializer):
    """One record or case: when, whose, what, and its page (never a reason or a finding)."""

    uuid = serializers.UUIDField()
    when = serializers.SerializerMethodField()
    woman = WomanRefSerializer(allow_null=True)
    what = serializers.CharField()
    url = serializers.CharField()

    def get_when(self, row) -> str:
        return row.when.isoformat()


class AttemptSerializer(serializers.Serializer):
    """An act refused under the count's rule: nothing of it was written."""

    at = serializers.DateTimeField()
    what = serializers.CharField(help_text="The act that was tried.")
    area = serializers.CharField()
    role = serializers.CharField(help_text="The role of the member of staff who tried it.")
    facility = serializers.CharField(source="facility.code", allow_null=True, default=None)


class ReadSerializer(serializers.Serializer):
    """A read of a confidential record: when, who, what kind; never what it said or about whom."""

    at = serializers.DateTimeField()
    who = serializers.CharField(help_text="The member of staff who read it.")
    role = serializers.CharField()
    what = serializers.CharField(help_text="The kind of confidential record read.")
    records = serializers.IntegerField(help_text="How many records the read showed.")
    facility = serializers.CharField(source="facility.code", allow_null=True, default=None)


class ZeroSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    rule = serializers.CharField()
    count = serializers.IntegerField()
    recorded = serializers.IntegerField(
        help_text="Of `count`, breaches staff recorded (the list `breaches`), shown first."
    )
    refused = serializers.IntegerField(
        help_text="Acts the system refused under `rule` in the period (not in `count`: they "
        "did not happen)."
    )
    cases = RowSerializer(
        many=True,
        required=False,
        help_text="The first cases, newest first; left out when asked `cases=none` (all of "
        "them: `must-be-zero/<key>/`).",
    )


class RecordListSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    rules = serializers.CharField()
    count = serializers.IntegerField()


class TimelinessSerializer(serializers.Serializer):
    """One kind of task a Rule sets a deadline for, due in the period: counts only."""

    kind = serializers.CharField()
    title = serializers.CharField()
    rule = serializers.CharField()
    due = serializers.IntegerField()
    in_time = serializers.IntegerField(help_text="Done by its deadline.")
    late = serializers.IntegerField(help_text="Done after its deadline.")
    late_by = serializers.DurationField(
        allow_null=True, help_text="Of those done late, how late on average."
    )
    longest = serializers.DurationField(allow_null=True, help_text="The latest of them.")
    cancelled = serializers.IntegerField(help_text="No longer needed.")
    overdue = serializers.IntegerField(help_text="Still open past its deadline.")


class BreakdownSerializer(serializers.Serializer):
    """Counts by group, aggregate only, small cells hidden (null) as `table.method` says."""

    key = serializers.CharField()
    title = serializers.CharField()
    rules = serializers.CharField()
    table = serializers.JSONField(
        help_text="k, method, columns, and for each dimension its rows by group (population, "
        "and each column's count and rate per 100 women; null where suppressed) and total."
    )


class OverviewSerializer(serializers.Serializer):
    facilities = serializers.ListField(child=serializers.CharField())
    start = serializers.DateField()
    end = serializers.DateField()
    counted_at = serializers.DateTimeField(
        allow_null=True,
        help_text="When the counts of the lists and of the counts that must be zero were "
        "counted ahead, for the last 30 days, the last year or a period asked before, or in "
        "part (a period ending the day one of those ends, the days between counted now; what "
        "holds now whatever the period); null: counted now. The cases of a count are read now.",
    )
    must_be_zero = ZeroSerializer(many=True)
    records = RecordListSerializer(many=True)
    timeliness = TimelinessSerializer(many=True)
    breakdowns = BreakdownSerializer(many=True)


class FigureSerializer(serializers.Serializer):
    """One figure of an indicator: null where suppressed (fewer than `SMALL_CELL` women)."""

    numerator = serializers.IntegerField(allow_null=True, help_text="The count, for a count.")
    denominator = serializers.IntegerField(allow_null=True, help_text="Null for a count.")
    rate = serializers.FloatField(
        allow_null=True, help_text="Per 100 for a rate; per 100 women a month for a per-month."
    )
    median = serializers.FloatField(
        allow_null=True, help_text="The middle value, in `measure`, for a median; else null."
    )
    suppressed = serializers.BooleanField(
        help_text="Hidden: a rate of fewer than k women (or a facility's beside it)."
    )


class IndicatorSerializer(FigureSerializer):
    key = serializers.CharField()
    number = serializers.CharField(help_text="Its number in RULES-SPEC 3; empty if added.")
    title = serializers.CharField()
    rules = serializers.CharField()
    unit = serializers.ChoiceField(
        choices=["rate", "count", "per-month", "median"],
        help_text=(
            "A rate (numerator of denominator), a count, a rate per 100 women a month (events "
            "of the days women were held, the denominator) or a median (of denominator values)."
        ),
    )
    measure = serializers.CharField(help_text="What a median is in (km, minutes); else empty.")
    direction = serializers.ChoiceField(
        choices=["smaller", "larger", "monitor"], help_text="Which way is better."
    )
    target = serializers.FloatField(
        allow_null=True, help_text="Percent for a rate, a number for a count."
    )
    cases = serializers.ListField(
        child=serializers.CharField(),
        help_text="Keys of the counts that must be zero behind it (`must-be-zero/<key>/`).",
    )
    records = serializers.CharField(help_text="The key of the list behind it, if any.")


class PreviousSerializer(FigureSerializer):
    start = serializers.DateField()
    end = serializers.DateField()


class ComparedSerializer(IndicatorSerializer):
    previous = PreviousSerializer(help_text="The period of the same length just before.")
    change = serializers.FloatField(
        allow_null=True, help_text="Rate points (or the count) since the period before."
    )
    better = serializers.BooleanField(allow_null=True, help_text="Null: no change or to watch.")


class IndicatorsSerializer(serializers.Serializer):
    facilities = serializers.ListField(child=serializers.CharField())
    start = serializers.DateField()
    end = serializers.DateField()
    counted_at = serializers.DateTimeField(
        allow_null=True,
        help_text="When the figures were counted ahead, for a period the system counts "
        "ahead (the last 30 days, the last year, the periods before them, the months, a "
        "period asked before), or in part (of a period ending the day one of those ends, "
        "what holds on its last day; the rest counted now); null: counted now.",
    )
    indicators = ComparedSerializer(many=True)


class MonthSerializer(FigureSerializer):
    start = serializers.DateField()
    end = serializers.DateField()


class DescribedSerializer(serializers.Serializer):
    key = serializers.CharField()
    number = serializers.CharField()
    title = serializers.CharField()
    rules = serializers.CharField()
    unit = serializers.CharField()
    measure = serializers.CharField()
    direction = serializers.CharField()
    target = serializers.FloatField(allow_null=True)


class TrendSerializer(DescribedSerializer):
    months = MonthSerializer(many=True, help_text="The 12 months to `end`, oldest first.")


class FacilityFigureSerializer(FigureSerializer):
    facility = serializers.CharField(help_text="Its code.")


class SideBySideSerializer(DescribedSerializer):
    facilities = FacilityFigureSerializer(many=True)
    total = FigureSerializer()


class IndicatorFacilitiesSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    counted_at = serializers.DateTimeField(
        allow_null=True, help_text="As the indicators': null when counted now."
    )
    indicators = SideBySideSerializer(many=True)
