# This app's history from 0001_facility_lives_in_facilities to 0001_facility_lives_in_facilities, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import bangkok.migration_operations
import django.core.validators
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('facilities', '0001_facility_lives_in_facilities')]

    initial = True

    dependencies = [
    ]

    operations = [
        bangkok.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='Facility',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('code', models.CharField(max_length=12, unique=True, verbose_name='code')),
                    ('name', models.CharField(max_length=200, verbose_name='name')),
                    ('kind', models.CharField(choices=[('womens_prison', "Women's prison"), ('womens_unit', "Women's unit in a mixed prison")], default='womens_prison', max_length=16, verbose_name='kind')),
                    ('latitude', models.DecimalField(decimal_places=5, max_digits=8, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='latitude')),
                    ('longitude', models.DecimalField(decimal_places=5, max_digits=8, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='longitude')),
                    ('capacity', models.PositiveIntegerField(verbose_name='capacity')),
                ],
                options={
                    'verbose_name': 'facility',
                    'verbose_name_plural': 'facilities',
                    'db_table': 'prisoners_facility',
                    'ordering': ['code'],
                    'permissions': [('work_in_facility', 'Works in this facility (sees its women)'), ('oversee_facility', 'Oversees the records of the facilities she works in')],
                },
            )],
        ),
    ]
