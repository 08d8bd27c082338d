"""The Celery app. Tasks stay thin: each calls one service."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bangkok.settings")

app = Celery("bangkok")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
