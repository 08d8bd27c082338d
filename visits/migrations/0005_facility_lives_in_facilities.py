# `Facility` now lives in `facilities` (same table): the foreign keys follow it, in the state only.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('facilities', '0001_facility_lives_in_facilities'),
        ('visits', '0004_records_carry_a_version'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='visit',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='visitcancellation',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='visitcancellationevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='visitevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='visitorwithdrawal',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='visitorwithdrawalevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
            ],
        ),
    ]
