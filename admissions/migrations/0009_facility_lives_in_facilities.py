# `Facility` now lives in `facilities` (same table): the foreign keys follow it, in the state only.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('admissions', '0008_records_carry_a_version'),
        ('facilities', '0001_facility_lives_in_facilities'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='admission',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='admissions', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='admissionevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility'),
                ),
                migrations.AlterField(
                    model_name='allocation',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='allocated to'),
                ),
                migrations.AlterField(
                    model_name='allocation',
                    name='nearest',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='nearest facility to her home'),
                ),
                migrations.AlterField(
                    model_name='allocation',
                    name='preference',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='the facility she prefers'),
                ),
                migrations.AlterField(
                    model_name='allocationevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='allocated to'),
                ),
                migrations.AlterField(
                    model_name='allocationevent',
                    name='nearest',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='nearest facility to her home'),
                ),
                migrations.AlterField(
                    model_name='allocationevent',
                    name='preference',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='the facility she prefers'),
                ),
                migrations.AlterField(
                    model_name='transfer',
                    name='from_facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='from'),
                ),
                migrations.AlterField(
                    model_name='transfer',
                    name='to_facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='to'),
                ),
                migrations.AlterField(
                    model_name='transferproposal',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='from'),
                ),
                migrations.AlterField(
                    model_name='transferproposal',
                    name='preference',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='her stated preference'),
                ),
                migrations.AlterField(
                    model_name='transferproposal',
                    name='to_facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='to'),
                ),
                migrations.AlterField(
                    model_name='transferproposalevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='from'),
                ),
                migrations.AlterField(
                    model_name='transferproposalevent',
                    name='preference',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='her stated preference'),
                ),
                migrations.AlterField(
                    model_name='transferproposalevent',
                    name='to_facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='to'),
                ),
            ],
        ),
    ]
