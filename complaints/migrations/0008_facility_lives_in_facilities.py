# `Facility` now lives in `facilities` (same table): the foreign keys follow it, in the state only.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0007_records_carry_a_version'),
        ('facilities', '0001_facility_lives_in_facilities'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='complaint',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='complaintevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='heldaction',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='heldactionevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='safeguardingrecord',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='safeguardingrecordevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
            ],
        ),
    ]
