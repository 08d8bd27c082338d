from . import orm
from .celery import app as celery_app

orm.install()  # what every query of the project's processes uses (bangkok/orm.py)

__all__ = ["celery_app"]
