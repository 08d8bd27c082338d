#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    if not os.environ.get("DATABASE_URL"):
        # A development checkout with nothing configured: run the command through the
        # launcher, which starts the embedded PostgreSQL and sets the environment.
        from bangkok.launcher import main

        sys.exit(main(["manage", *sys.argv[1:]]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bangkok.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
