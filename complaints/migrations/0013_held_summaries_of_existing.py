"""Actions held before their summaries had message ids: a summary written in English in one of
the shapes the services write is given that message id and its parameters (a day read back
as a day), so it reads in each reader's language from now on. One that matches none (written
in another language, or in words of its own) is kept as it was written, and shown as it
reads."""

import re
from datetime import datetime

from django.db import migrations

# What each kind of act was summarised as, by the kinds that wrote it.
SHAPES = {
    "charge": ["Charge: %(offence)s"],
    "sanction": ["Sanction for “%(offence)s”: %(type)s until %(day)s"],
    "loss_of_work": ["Sanction for “%(offence)s”: %(type)s until %(day)s"],
    "segregation": ["Segregation until %(day)s: %(reason)s"],
    "segregation_extension": ["Segregation extended until %(day)s"],
    "transfer": ["Transfer to %(facility)s: %(reason)s"],
    "contact_restriction": ["Restriction of %(means)s with %(person)s until %(day)s"],
    "strip": ["%(kind)s (%(trigger)s)"],
    "body_cavity": ["%(kind)s (%(trigger)s)"],
    "restraint": ["%(device)s, %(purpose)s: planned"],
    "visit_cancellation": ["A visit cancelled: %(reason)s"],
    "visitor_withdrawal": ["A visitor withdrawn: %(reason)s"],
    "leave_refusal": ["%(kind)s refused: %(ground)s"],
}
# How English pages wrote a day ("4 December 2026"; before one format per language, also
# "Dec. 4, 2026" and ISO).
DAY_FORMATS = ("%d %B %Y", "%d %b %Y", "%b. %d, %Y", "%B %d, %Y", "%Y-%m-%d")


def pattern(shape: str) -> re.Pattern:
    parts = re.split(r"%\((\w+)\)s", shape)
    regex = "".join(
        re.escape(part) if n % 2 == 0 else f"(?P<{part}>.+?)" for n, part in enumerate(parts)
    )
    return re.compile(f"^{regex}$", re.S)


def day(text: str):
    for form in DAY_FORMATS:
        try:
            return {"day": datetime.strptime(text.strip(), form).date().isoformat()}
        except ValueError:
            continue
    return text


def read_back(kind: str, summary: str):
    """(message id, parameters) of an English summary of `kind`, or None."""
    for shape in SHAPES.get(kind, []):
        found = pattern(shape).match(summary)
        if found:
            params = {
                name: day(value) if name == "day" else value
                for name, value in found.groupdict().items()
            }
            return shape, params
    return None


def give_message_ids(apps, schema_editor):
    HeldAction = apps.get_model("complaints", "HeldAction")
    for held in HeldAction.objects.filter(summary_key="").only("pk", "kind", "summary"):
        read = read_back(held.kind, held.summary)
        if read is not None:
            HeldAction.objects.filter(pk=held.pk).update(
                summary_key=read[0], summary_params=read[1]
            )


class Migration(migrations.Migration):
    dependencies = [("complaints", "0012_held_action_summary_as_message_id")]

    operations = [migrations.RunPython(give_message_ids, migrations.RunPython.noop)]
