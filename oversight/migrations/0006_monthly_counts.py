"""The daily counts added up by month (`MonthlyCount`), from the daily counts already there."""

import django.db.models.deletion
from django.db import migrations, models

FILL = """
INSERT INTO oversight_monthlycount (key, month, facility_id, count)
SELECT key, date_trunc('month', day)::date, facility_id, SUM(count)
FROM oversight_dailycount GROUP BY 1, 2, 3;
ANALYZE oversight_monthlycount;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("facilities", "0002_squashed"),
        ("oversight", "0005_stale_rights_and_screening_days"),
    ]

    operations = [
        migrations.CreateModel(
            name="MonthlyCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField()),
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
                        fields=("key", "month", "facility"), name="one_count_a_month"
                    )
                ],
            },
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
