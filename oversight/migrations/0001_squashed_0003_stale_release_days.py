"""Oversight's migrations 0001-0003 as a new database runs them: the daily counts' models in
one `Together`, and the function and triggers that mark a changed day (`StaleDay`) on every
table a daily count reads, as 0002 and 0003 leave them."""

import importlib

import django.db.models.deletion
from django.db import migrations, models

import bangkok.migration_operations

stale = importlib.import_module("oversight.migrations.0002_stale_days")
releases = importlib.import_module("oversight.migrations.0003_stale_release_days")

TABLES = {**stale.TABLES, **releases.TABLES}


class Migration(migrations.Migration):
    replaces = [
        ("oversight", "0001_daily_counts"),
        ("oversight", "0002_stale_days"),
        ("oversight", "0003_stale_release_days"),
    ]

    dependencies = [
        ("facilities", "0002_squashed"),
        *[d for d in stale.Migration.dependencies if d[0] != "oversight"],
        *[d for d in releases.Migration.dependencies if d[0] != "oversight"],
    ]

    operations = [
        bangkok.migration_operations.Together(
            [
                migrations.CreateModel(
                    name="SummarisedDay",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("day", models.DateField()),
                        ("key", models.CharField(max_length=64)),
                        ("computed_at", models.DateTimeField(null=True)),
                    ],
                    options={
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("key", "day"), name="one_summary_a_day"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="DailyCount",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("day", models.DateField()),
                        ("key", models.CharField(max_length=64)),
                        ("count", models.PositiveIntegerField()),
                        (
                            "facility",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="facilities.facility",
                            ),
                        ),
                    ],
                    options={
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("key", "day", "facility"), name="one_count_a_day"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="StaleDay",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("day", models.DateField()),
                        ("xact", models.BigIntegerField()),
                    ],
                    options={
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("day", "xact"), name="one_stale_day_a_transaction"
                            )
                        ],
                    },
                ),
            ]
        ),
        migrations.RunSQL(
            stale.FUNCTION + stale.triggers(TABLES),
            stale.dropped(TABLES) + "\nDROP FUNCTION IF EXISTS oversight_mark_days_stale();",
        ),
    ]
