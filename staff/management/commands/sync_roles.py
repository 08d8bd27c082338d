from django.core.management.base import BaseCommand

from staff.services import sync_roles


class Command(BaseCommand):
    help = "Create or update one group per role with the role's permissions (staff/roles.py)."

    def handle(self, *args, **options):
        for role, count in sync_roles().items():
            if options["verbosity"] > 1:
                self.stdout.write(f"{role}: {count} permissions")
        if options["verbosity"]:
            self.stdout.write("Roles synced.")
