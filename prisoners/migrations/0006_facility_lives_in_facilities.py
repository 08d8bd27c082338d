# `Facility` now lives in `facilities` (same table); its foreign keys follow it, in the state only.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('admissions', '0009_facility_lives_in_facilities'),
        ('audit', '0003_facility_lives_in_facilities'),
        ('breaches', '0003_facility_lives_in_facilities'),
        ('complaints', '0008_facility_lives_in_facilities'),
        ('discipline', '0011_facility_lives_in_facilities'),
        ('facilities', '0001_facility_lives_in_facilities'),
        ('prisoners', '0005_text_limits_and_plausible_dates'),
        ('reminders', '0006_facility_lives_in_facilities'),
        ('restraints', '0006_facility_lives_in_facilities'),
        ('searches', '0006_facility_lives_in_facilities'),
        ('staff', '0007_facility_lives_in_facilities'),
        ('visits', '0005_facility_lives_in_facilities'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='prisonerevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='facility'),
                ),
                migrations.AlterField(
                    model_name='prisoner',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='prisoners', to='facilities.facility', verbose_name='facility'),
                ),
                migrations.AlterField(
                    model_name='unit',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='units', to='facilities.facility', verbose_name='facility'),
                ),
                migrations.DeleteModel(
                    name='Facility',
                ),
            ],
        ),
    ]
