"""Which installed apps are the project's own."""

from pathlib import Path

from django.conf import settings


def of_the_project(app_config) -> bool:
    """An app of the project sits at the top of the project's folder (packages installed in a
    virtual environment inside that folder are not the project's)."""
    return Path(app_config.path).resolve().parent == Path(settings.BASE_DIR).resolve()
