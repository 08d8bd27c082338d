"""The table of the database cache, where throttle counts live when there is no Redis.

`migrate` is all a deployment runs, so the table is made here rather than by
`createcachetable`; it exists whichever cache is configured, ready for either.
"""

from django.db import migrations

TABLE = "bangkok_cache"  # settings.CACHE_TABLE


def create(apps, schema_editor):
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("signin", "0001_api_tokens")]

    operations = [migrations.RunPython(create, drop)]
