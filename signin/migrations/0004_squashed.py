# This app's history from 0001_api_tokens to 0003_recovery_codes_hashed, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import bangkok.migration_operations
import django.contrib.auth.models
import django.db.models.deletion
import django.utils.timezone
import uuid
from django.conf import settings
from django.db import migrations, models

CACHE_TABLE = "bangkok_cache"  # settings.CACHE_TABLE, as 0002_cache_table made it


def create_cache_table(apps, schema_editor):
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, CACHE_TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(CACHE_TABLE)}")


class Migration(migrations.Migration):

    replaces = [('signin', '0001_api_tokens'), ('signin', '0002_cache_table'), ('signin', '0003_recovery_codes_hashed')]

    initial = True

    dependencies = [
        ('staff', '0009_squashed_0002_to_0007'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        bangkok.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='TwoFactorAccount',
                fields=[
                ],
                options={
                    'verbose_name': 'two-factor sign-in',
                    'verbose_name_plural': 'two-factor sign-in',
                    'proxy': True,
                    'indexes': [],
                    'constraints': [],
                },
                bases=('staff.user',),
                managers=[
                    ('objects', django.contrib.auth.models.UserManager()),
                ],
            ), migrations.CreateModel(
                name='ApiToken',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('name', models.CharField(max_length=100, verbose_name='name')),
                    ('key_hash', models.CharField(editable=False, max_length=64, unique=True)),
                    ('prefix', models.CharField(editable=False, max_length=12, verbose_name='begins with')),
                    ('credentials_hash', models.CharField(editable=False, max_length=128)),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='created')),
                    ('last_used_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last used')),
                    ('expires_at', models.DateTimeField(editable=False, verbose_name='expires')),
                    ('revoked_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='revoked')),
                    ('revoked_reason', models.CharField(blank=True, choices=[('owner', 'Revoked by its owner'), ('administrator', 'Revoked by the account manager'), ('password', 'Her password changed'), ('reset', 'Her password was reset'), ('deactivated', 'Her account was deactivated'), ('locked', 'Her account was locked'), ('withdrawn', 'Her access was withdrawn')], editable=False, max_length=16, verbose_name='why revoked')),
                    ('owner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='api_tokens', to=settings.AUTH_USER_MODEL)),
                    ('revoked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'API token',
                    'verbose_name_plural': 'API tokens',
                    'ordering': ['-created_at'],
                    'indexes': [models.Index(fields=['owner', '-created_at'], name='signin_apit_owner_i_c05bc8_idx')],
                    'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('revoked_at__isnull', True), ('revoked_reason', '')), models.Q(('revoked_at__isnull', False), models.Q(('revoked_reason', ''), _negated=True)), _connector='OR'), name='api_token_revoked_with_reason'), models.CheckConstraint(condition=models.Q(('expires_at__gt', models.F('created_at'))), name='api_token_expires_after_creation')],
                },
            )],
        ),
        migrations.RunPython(create_cache_table, drop_cache_table),
    ]
