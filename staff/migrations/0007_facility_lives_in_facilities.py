# `Facility` now lives in `facilities` (same table): the foreign keys follow it, in the state only.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('facilities', '0001_facility_lives_in_facilities'),
        ('staff', '0006_text_limits_and_plausible_dates'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='accesschange',
                    name='facility',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='facility'),
                ),
                migrations.AlterField(
                    model_name='accesschangeevent',
                    name='facility',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='facility'),
                ),
            ],
        ),
    ]
