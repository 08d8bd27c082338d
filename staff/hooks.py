"""What staff plugs into Django: the roles are granted their permissions after every migrate."""

from django.apps import apps
from django.db.models.signals import post_migrate

from bangkok.hooks import Receiver

from . import oversight


def _sync_roles_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app with models, in INSTALLED_APPS order; by the last
    # one every app's permissions exist, so the roles can be granted theirs.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.name != with_models[-1].name:
        return
    from .services import sync_roles

    sync_roles()


PLUGS = (
    Receiver(post_migrate, _sync_roles_after_migrate, dispatch_uid="staff.sync_roles"),
    *oversight.INDICATORS,
)
