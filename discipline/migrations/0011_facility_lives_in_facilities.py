# `Facility` now lives in `facilities` (same table): the foreign keys follow it, in the state only.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('discipline', '0010_records_carry_a_version'),
        ('facilities', '0001_facility_lives_in_facilities'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='charge',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='chargeevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='contactrestriction',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='contactrestrictionevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='sanction',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='sanctionevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='segregation',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='segregationevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='segregationextension',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='segregationextensionevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
            ],
        ),
    ]
