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
        # A period's days around its whole months, of every key asked: by the unique index
        # (key first) PostgreSQL read every day of those keys to find them (a year and the
        # year before, every facility: 875,000 rows for 29,000, 258 ms to 64-82). The day
        # alone: a tenth of the size of (day, key), which the planner then passed over.
        indexes = [models.Index(fields=["day"], name="daily_count_by_day")]

    def __str__(self) -> str:
        return f"{self.key} {self.day}: {self.count}"


class MonthlyCount(models.Model):
    """The daily counts of the list, count or indicator side `key` of a facility added up over
    a month (`month`: its first day), kept equal to them by the one writer of both
    (`oversight.summaries`): a period's whole months are read a row a month, not a row a day.
    Whether the month's days are counted, and unchanged since, is still asked of its days."""

    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    month = models.DateField()
    key = models.CharField(max_length=64)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "month", "facility"], name="one_count_a_month"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.month:%Y-%m}: {self.count}"


class SummarisedDay(models.Model):
    """That the list or count `key` is counted for every facility on `day` (a facility with
    no row had none), as of `computed_at` (empty: not counted). A day with a `StaleDay` is
    counted live whatever this says, until the beat counts it anew."""

    day = models.DateField()
    key = models.CharField(max_length=64)
    computed_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "day"], name="one_summary_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.day}"


class StaleDay(models.Model):
    """A day whose records changed, written by the database itself (triggers on every table
    a daily count reads, `oversight.summaries.STALE_TABLES`), whatever made the change: a
    service, the admin, a bulk update, a record of another table the count reads (a searcher's
    training, a search's staff), SQL. One row a day and writing transaction, so writers never
    wait for each other; the beat deletes the rows it has seen before counting the day again,
    so a change it could not see leaves its row, and its day stays counted live. The day is
    taken from the moment in UTC, with the day before and after, which holds the day in the
    project's time zone wherever it is."""

    case_record = False  # a queue the beat empties: its rows are deleted once counted

    day = models.DateField()
    xact = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "xact"], name="one_stale_day_a_transaction"),
        ]

    def __str__(self) -> str:
        return f"{self.day} (changed)"


class CountedFigures(models.Model):
    """Every indicator of every facility for one of the periods the pages ask most (`slot`:
    the last 30 days, the last year, the periods just before them, the last 12 months; and
    each period asked lately, with the one before it, `AskedPeriod`), and for the last 30
    days, the last year and the periods asked the overview's lists and counts that must be
    zero, as the beat counted them at `counted_at` (`oversight.figures`): a page that asks
    only such periods reads its figures here while they are fresh, and says when they were
    counted. A slot's row is rewritten in place each time (never deleted)."""

    slot = models.CharField(max_length=16, unique=True)
    start = models.DateField()
    end = models.DateField()
    counted_at = models.DateTimeField()
    # {indicator key: {facility id: [numerator, denominator], or {value: times} for a median}},
    # a facility with nothing to count left out.
    counts = models.JSONField()
    # For the lists and the counts that must be zero of the overview (the last 30 days, the
    # last year and the periods asked only): {"list:<key>" or "zero:<key>": {facility id: how
    # many}}, of those every viewer sees alike, and whole of those whose records hidden from a
    # viewer are found from her side (`registry.counted_alike`).
    listed = models.JSONField(default=dict)
    # The overview's tables, for the same periods: "timeliness": {facility id: [the sums
    # of each kind of task (`reminders.services.timeliness_sums`), durations in seconds, the
    # longest delays kept with the days their tasks were due (`counted.SLOWEST`)]}, of the
    # tasks hidden from no one; "breakdown:<key>" as its item keeps it; each beside it
    # whole too, under "whole:" and its name (`figures.kept`).
    tables = models.JSONField(default=dict)

    class Meta:
        indexes = [models.Index(fields=["start", "end"], name="figures_by_period")]

    def __str__(self) -> str:
        return f"{self.slot} ({self.start} to {self.end}), counted at {self.counted_at}"


class AskedPeriod(models.Model):
    """A period an oversight page was asked for that isn't among those the beat counts for
    their own sake (`figures.slots`): the beat counts it too, with the period of the same
    length before it, within OVERSIGHT_ASKED_SECONDS and at its every count until
    OVERSIGHT_ASKED_HOURS after it was last asked (`figures.asked`, `counted.refresh_asked`,
    `counted.refresh`). Which periods were asked, not who asked them; kept,
    the time it was last asked written over."""

    start = models.DateField()
    end = models.DateField()
    asked_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["start", "end"], name="asked_period_once"),
        ]
        indexes = [models.Index(fields=["-asked_at"], name="asked_period_latest")]

    def __str__(self) -> str:
        return f"{self.start} to {self.end}, asked at {self.asked_at}"
