from datetime import date

from django.core.management.base import BaseCommand

from oversight import counted, summaries


class Command(BaseCommand):
    help = (
        "Count oversight's dated lists and counts that must be zero a day at a time, per "
        "facility (what the beat does): the days not counted yet or changed since, or every "
        "day from --since to --until (yesterday at the latest), counted again; then the "
        "figures of the periods the pages ask most (the beat's other count)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", type=date.fromisoformat)
        parser.add_argument("--until", type=date.fromisoformat)

    def handle(self, *args, since, until, **options):
        if since is None:
            days = summaries.refresh_due()
        else:
            days = summaries.refresh(since, until or date.max)
        periods = counted.refresh()
        self.stdout.write(f"{days} days counted; the figures of {periods} periods counted.")
