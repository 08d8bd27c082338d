"""Recovery codes kept before this migration were kept as they were shown: keep a keyed hash
of each instead (`signin.twofactor.stored_recovery_code`), so they still work."""

from django.db import migrations

PLAIN_LENGTH = 8  # django-otp's StaticToken.random_token(); a stored hash is 16


def hash_plain_codes(apps, schema_editor):
    from signin.twofactor import stored_recovery_code

    StaticToken = apps.get_model("otp_static", "StaticToken")
    for token in StaticToken.objects.select_related("device").iterator():
        if len(token.token) == PLAIN_LENGTH:
            token.token = stored_recovery_code(token.device.user_id, token.token)
            token.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [
        ("signin", "0002_cache_table"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_plain_codes, migrations.RunPython.noop)]
