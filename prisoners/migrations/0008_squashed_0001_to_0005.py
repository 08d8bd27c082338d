# This app's history from 0001_initial to 0005_text_limits_and_plausible_dates, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import bangkok.migration_operations
import bangkok.plausible
import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.contrib.postgres.operations import TrigramExtension
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('prisoners', '0001_initial'), ('prisoners', '0002_restraint_health_approval'), ('prisoners', '0003_oversee_facility'), ('prisoners', '0004_flags_name_no_reason'), ('prisoners', '0005_text_limits_and_plausible_dates')]

    initial = True

    # django-otp's tables are made first, while the state holds few models: each of its six
    # operations renders every model related to the user again, which once the areas' models
    # are there is nearly all of them (a fresh migrate spent 3 s on them). The order only.
    dependencies = [
        ('pghistory', '0007_auto_20250421_0444'),
        ('otp_static', '0003_add_timestamps'),
        ('otp_totp', '0003_add_timestamps'),
    ]

    operations = [
        TrigramExtension(),
        bangkok.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='Prisoner',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('prison_number', models.CharField(max_length=20, unique=True, verbose_name='prison number')),
                    ('given_names', models.CharField(max_length=200, verbose_name='given names')),
                    ('family_name', models.CharField(max_length=200, verbose_name='family name')),
                    ('aliases', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=200), blank=True, default=list, verbose_name='aliases')),
                    ('search_name', models.TextField(default='', editable=False)),
                    ('date_of_birth', models.DateField(validators=[bangkok.plausible.validate_birth_date], verbose_name='date of birth')),
                    ('gender_identity', models.CharField(choices=[('woman', 'Woman'), ('trans_woman', 'Trans woman'), ('non_binary', 'Non-binary'), ('self_described', 'In her own words')], default='woman', max_length=16, verbose_name='self-perceived gender')),
                    ('gender_self_description', models.CharField(blank=True, max_length=100, verbose_name='gender in her own words')),
                    ('nationalities', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=2), blank=True, default=list, help_text='ISO 3166 country codes, e.g. TH, GB.', verbose_name='nationalities')),
                    ('languages', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=3), blank=True, default=list, help_text='ISO 639 language codes, the one she prefers first.', verbose_name='languages')),
                    ('legal_status', models.CharField(choices=[('pretrial', 'Pretrial (remand)'), ('convicted_unsentenced', 'Convicted, awaiting sentence'), ('sentenced', 'Sentenced'), ('immigration', 'Immigration detention'), ('civil', 'Civil detention')], max_length=24, verbose_name='legal status')),
                    ('custody_status', models.CharField(choices=[('in_custody', 'In custody'), ('released', 'Released')], default='in_custody', max_length=12, verbose_name='custody status')),
                    ('home_place', models.CharField(blank=True, max_length=200, verbose_name='home town or place of rehabilitation')),
                    ('home_country', models.CharField(blank=True, help_text='ISO 3166 country code, e.g. TH.', max_length=2, verbose_name='country of her home')),
                    ('home_latitude', models.DecimalField(blank=True, decimal_places=5, max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='home latitude')),
                    ('home_longitude', models.DecimalField(blank=True, decimal_places=5, max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='home longitude')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                    ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='prisoners', to='prisoners.unit', verbose_name='unit')),
                ],
                options={
                    'verbose_name': 'woman',
                    'verbose_name_plural': 'women',
                    'ordering': ['family_name', 'given_names', 'id'],
                    'indexes': [models.Index(fields=['family_name', 'given_names', 'id'], name='prisoners_p_family__758d70_idx'), django.contrib.postgres.indexes.GinIndex(fields=['search_name'], name='prisoner_search_trgm', opclasses=['gin_trgm_ops'])],
                    'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('home_latitude__isnull', True), ('home_longitude__isnull', True)), models.Q(('home_latitude__isnull', False), ('home_longitude__isnull', False)), _connector='OR'), name='prisoner_home_has_both_coordinates', violation_error_message='Give both the latitude and the longitude of home.')],
                    'triggers': [pgtrigger.compiler.Trigger(name='prisoner_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='da7936dfa09ca42862fcdc58509e144439f100bf', operation='DELETE', pgid='pgtrigger_prisoner_no_delete_c6b3c', table='prisoners_prisoner', when='BEFORE'))],
                },
            ), migrations.CreateModel(
                name='ProtectionFlags',
                fields=[
                    ('prisoner', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, primary_key=True, related_name='flags', serialize=False, to='prisoners.prisoner')),
                    ('no_segregation', models.BooleanField(default=False, help_text='Rule 22.', verbose_name='no segregation or close confinement')),
                    ('no_restraint_obstetric', models.BooleanField(default=False, help_text='No instrument of restraint, for any purpose.', verbose_name='no restraints')),
                    ('restraint_health_approval', models.BooleanField(default=False, help_text='The least restrictive method, approved by health staff.', verbose_name='restraints only as health staff approve')),
                    ('woman_clinician_requested', models.BooleanField(default=False, help_text='Rule 10.2.', verbose_name='asks for a woman physician or nurse')),
                    ('observation_level', models.CharField(choices=[('none', 'None'), ('intermittent', 'Intermittent'), ('constant', 'Constant')], default='none', max_length=16, verbose_name='observation level')),
                    ('child_in_prison', models.BooleanField(default=False, help_text='Rules 49-52.', verbose_name='a child lives with her')),
                    ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                ],
                options={
                    'verbose_name': 'protection flags',
                    'verbose_name_plural': 'protection flags',
                    'triggers': [pgtrigger.compiler.Trigger(name='flags_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='8a4b25611d013b8ff564a127a6d80f491d237976', operation='DELETE', pgid='pgtrigger_flags_no_delete_31627', table='prisoners_protectionflags', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "prisoners_protectionflagsevent" ("child_in_prison", "no_restraint_obstetric", "no_segregation", "observation_level", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "restraint_health_approval", "updated_at", "woman_clinician_requested") VALUES (NEW."child_in_prison", NEW."no_restraint_obstetric", NEW."no_segregation", NEW."observation_level", _pgh_attach_context(), NOW(), \'insert\', NEW."prisoner_id", NEW."prisoner_id", NEW."restraint_health_approval", NEW."updated_at", NEW."woman_clinician_requested"); RETURN NULL;', hash='5e5b5c8f4fafeae9abb927baf7e52c40069a75eb', operation='INSERT', pgid='pgtrigger_insert_insert_89947', table='prisoners_protectionflags', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "prisoners_protectionflagsevent" ("child_in_prison", "no_restraint_obstetric", "no_segregation", "observation_level", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "restraint_health_approval", "updated_at", "woman_clinician_requested") VALUES (NEW."child_in_prison", NEW."no_restraint_obstetric", NEW."no_segregation", NEW."observation_level", _pgh_attach_context(), NOW(), \'update\', NEW."prisoner_id", NEW."prisoner_id", NEW."restraint_health_approval", NEW."updated_at", NEW."woman_clinician_requested"); RETURN NULL;', hash='91f060416e4b26f88315310e5ca519956d2dd8f7', operation='UPDATE', pgid='pgtrigger_update_update_882c5', table='prisoners_protectionflags', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='Unit',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('code', models.CharField(max_length=12, verbose_name='code')),
                    ('name', models.CharField(max_length=200, verbose_name='name')),
                    ('designation', models.CharField(choices=[('general', 'General'), ('mother_and_baby', 'Mother and baby'), ('juvenile', 'Girls under 18'), ('reception', 'Reception and induction'), ('health', 'Health care'), ('pre_release', 'Pre-release')], default='general', max_length=20, verbose_name='designation')),
                ],
                options={
                    'verbose_name': 'unit',
                    'ordering': ['facility__code', 'code'],
                },
            ), migrations.CreateModel(
                name='PrisonerEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('prison_number', models.CharField(max_length=20, verbose_name='prison number')),
                    ('given_names', models.CharField(max_length=200, verbose_name='given names')),
                    ('family_name', models.CharField(max_length=200, verbose_name='family name')),
                    ('aliases', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=200), blank=True, default=list, verbose_name='aliases')),
                    ('search_name', models.TextField(default='', editable=False)),
                    ('date_of_birth', models.DateField(validators=[bangkok.plausible.validate_birth_date], verbose_name='date of birth')),
                    ('gender_identity', models.CharField(choices=[('woman', 'Woman'), ('trans_woman', 'Trans woman'), ('non_binary', 'Non-binary'), ('self_described', 'In her own words')], default='woman', max_length=16, verbose_name='self-perceived gender')),
                    ('gender_self_description', models.CharField(blank=True, max_length=100, verbose_name='gender in her own words')),
                    ('nationalities', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=2), blank=True, default=list, help_text='ISO 3166 country codes, e.g. TH, GB.', verbose_name='nationalities')),
                    ('languages', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=3), blank=True, default=list, help_text='ISO 639 language codes, the one she prefers first.', verbose_name='languages')),
                    ('legal_status', models.CharField(choices=[('pretrial', 'Pretrial (remand)'), ('convicted_unsentenced', 'Convicted, awaiting sentence'), ('sentenced', 'Sentenced'), ('immigration', 'Immigration detention'), ('civil', 'Civil detention')], max_length=24, verbose_name='legal status')),
                    ('custody_status', models.CharField(choices=[('in_custody', 'In custody'), ('released', 'Released')], default='in_custody', max_length=12, verbose_name='custody status')),
                    ('home_place', models.CharField(blank=True, max_length=200, verbose_name='home town or place of rehabilitation')),
                    ('home_country', models.CharField(blank=True, help_text='ISO 3166 country code, e.g. TH.', max_length=2, verbose_name='country of her home')),
                    ('home_latitude', models.DecimalField(blank=True, decimal_places=5, max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)], verbose_name='home latitude')),
                    ('home_longitude', models.DecimalField(blank=True, decimal_places=5, max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)], verbose_name='home longitude')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='prisoners.prisoner')),
                    ('unit', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.unit', verbose_name='unit')),
                ],
                options={
                    'abstract': False,
                },
            ), migrations.CreateModel(
                name='ProtectionFlagsEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('no_segregation', models.BooleanField(default=False, help_text='Rule 22.', verbose_name='no segregation or close confinement')),
                    ('no_restraint_obstetric', models.BooleanField(default=False, help_text='No instrument of restraint, for any purpose.', verbose_name='no restraints')),
                    ('restraint_health_approval', models.BooleanField(default=False, help_text='The least restrictive method, approved by health staff.', verbose_name='restraints only as health staff approve')),
                    ('woman_clinician_requested', models.BooleanField(default=False, help_text='Rule 10.2.', verbose_name='asks for a woman physician or nurse')),
                    ('observation_level', models.CharField(choices=[('none', 'None'), ('intermittent', 'Intermittent'), ('constant', 'Constant')], default='none', max_length=16, verbose_name='observation level')),
                    ('child_in_prison', models.BooleanField(default=False, help_text='Rules 49-52.', verbose_name='a child lives with her')),
                    ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('prisoner', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', serialize=False, to='prisoners.prisoner')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='prisoners.protectionflags')),
                ],
                options={
                    'abstract': False,
                },
            )],
        ),
    ]
