"""Tasks made before titles had message ids: a title that is a message of the catalogues, in
English or in any language of the interface, is given that message id, so it reads in each
reader's language from now on. A title with words of its own (a number, a day, a name) is
kept as it was written, and is shown as it reads."""

from django.conf import settings
from django.db import migrations


def message_ids() -> dict[str, str]:
    from django.utils.translation import trans_real

    found: dict[str, str] = {}
    for code, _name in settings.LANGUAGES:
        catalogue = trans_real.translation(code)._catalog
        for msgid, text in catalogue.items():
            if isinstance(msgid, str) and "%" not in msgid and msgid:
                found.setdefault(msgid, msgid)
                if isinstance(text, str) and text:
                    found.setdefault(text, msgid)
    return found


def give_message_ids(apps, schema_editor):
    Reminder = apps.get_model("reminders", "Reminder")
    ids = None
    for reminder in Reminder.objects.filter(title_key="").only("pk", "title").iterator():
        if ids is None:
            ids = message_ids()
        msgid = ids.get(reminder.title)
        if msgid:
            Reminder.objects.filter(pk=reminder.pk).update(title_key=msgid, title=msgid)


class Migration(migrations.Migration):
    dependencies = [("reminders", "0007_title_as_message_id")]

    operations = [migrations.RunPython(give_message_ids, migrations.RunPython.noop)]
