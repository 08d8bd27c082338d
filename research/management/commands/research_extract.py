from django.core.management.base import BaseCommand

from research.extract import produce


class Command(BaseCommand):
    help = (
        "Write the de-identified research extract (Rules 67, 68): one row per episode of "
        "custody, coarsened and k-anonymous, under RESEARCH_DIR; audited."
    )

    def handle(self, *args, **options):
        path, done = produce(by=None)
        self.stdout.write(
            f"{path}: {len(done.rows)} rows, {done.suppressed} left out so that every "
            f"combination has at least {done.k}."
        )
