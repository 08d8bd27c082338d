"""What `make run` does before it serves, in one process: the schema, the roles, the static
files and the demo (each its own command, run in turn; one process spares starting Django
four times)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from bangkok.static_files import UNLOADED


class Command(BaseCommand):
    help = "Migrate, sync the roles, collect the static files and seed the demo data."

    def add_arguments(self, parser):
        parser.add_argument("--women", type=int, default=60, help="how many demo women")

    def handle(self, *args, women: int, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("sync_roles", verbosity=0)
        call_command(
            "collectstatic",
            interactive=False,
            verbosity=0,
            ignore_patterns=list(UNLOADED),  # and Django's own
        )
        call_command("seed_demo", women=women)
