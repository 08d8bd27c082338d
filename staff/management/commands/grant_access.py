"""Grant a role, facilities or recorded gender at once, without a second person: for setting
up a new installation (its first system administrator, the first governor of a facility),
from a shell on the server. The web never does this (`staff.services.grant_confirmed`).

    manage.py grant_access anong --create --role sysadmin
    manage.py grant_access malee --role governor --facility A --gender woman

`--create` makes the account with a one-time password, printed once, that she replaces at
her first sign-in.
"""

import secrets

from django.core.management.base import BaseCommand, CommandError

from facilities.models import Facility
from staff.models import Gender, User
from staff.roles import ROLES
from staff.services import grant_confirmed


class Command(BaseCommand):
    help = "Grant a staff account a role, facilities or gender at once (set-up only; audited)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES))
        parser.add_argument("--facility", action="append", default=[], metavar="CODE")
        parser.add_argument("--gender", choices=Gender.values)
        parser.add_argument(
            "--create", action="store_true", help="Make the account if there is none."
        )

    def handle(self, *args, username, role, facility, gender, create, **options):
        user = User.objects.filter(username=username, is_superuser=False).first()
        if user is None and create:
            password = secrets.token_urlsafe(12)
            user = User(username=username, must_change_password=True)
            user.set_password(password)
            user.save()
            self.stdout.write(f"Made {username}; one-time password (shown once): {password}")
        if user is None:
            raise CommandError(f"No staff account {username!r}.")
        facilities = list(Facility.objects.filter(code__in=facility))
        missing = set(facility) - {f.code for f in facilities}
        if missing:
            raise CommandError(f"No facility with code {', '.join(sorted(missing))}.")
        changes = grant_confirmed(
            user=user, role=role, facilities=facilities, gender=gender, reason="set-up"
        )
        self.stdout.write(f"{len(changes)} grant(s) made for {username}; each is audited.")
