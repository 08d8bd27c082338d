# `Facility` now lives in `facilities` (same table): the foreign keys follow it, in the state only.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('facilities', '0001_facility_lives_in_facilities'),
        ('reminders', '0005_records_carry_a_version'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='reminder',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='reminders', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='reminderevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
            ],
        ),
    ]
