# `Facility` moved here from `prisoners`, keeping its table (`prisoners_facility`) and
# rows: the model is created in the state only, and its content type follows it, so the
# facility grants (guardian object permissions, `staff.FacilityGrant`) and the
# permissions `facilities.work_in_facility` and `facilities.oversee_facility` are the
# same rows as before.
import django.core.validators
import uuid
from django.db import migrations, models


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label=new, model="facility").exists():
        return
    ContentType.objects.filter(app_label=old, model="facility").update(app_label=new)


def move_content_type(apps, schema_editor):
    _relabel(apps, "prisoners", "facilities")


def move_content_type_back(apps, schema_editor):
    _relabel(apps, "facilities", "prisoners")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('prisoners', '0005_text_limits_and_plausible_dates'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
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
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
