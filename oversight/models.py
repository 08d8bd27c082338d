"""Oversight's pre-computed daily counts (QUALITY.md P3: oversight at national scale).

A list or a count that must be zero whose records are dated by a moment (`day` on its
`RecordList` or `MustBeZero`) is counted once a day per facility by the beat
(`oversight.summaries`); the pages add the days of a period up instead of counting a year of
records again, and count the current day live. Nothing here names a woman: a count per
facility, day and list."""

from django.db import models


class DailyCount(models.Model):
    """How many records of the list or count `key` a facility had on a day."""

    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    key = models.CharField(max_length=64)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "day", "facility"], name="one_count_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.day}: {self.count}"


class SummarisedDay(models.Model):
    """That the list or count `key` is counted for every facility on `day` (a facility with
    no row had none), as of `computed_at`. A record of that day saved since empties
    `computed_at`: the day is counted live again until the beat counts it anew."""

    day = models.DateField()
    key = models.CharField(max_length=64)
    computed_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "day"], name="one_summary_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.day}"
