"""What each app plugs into the others is declared in one file, its `hooks.py`: a tuple
`PLUGS` of declarations (a section of her page, a list for oversight, the record that closes a
kind of reminder, a source of protection flags, an adverse act, a step of the demonstration, a
receiver of a signal...). Nothing else in an app registers anything.

A registry stays with the app that reads it, and says which declaration it takes
(`takes(Section, register)`); each app's `AppConfig.ready()` calls `plug(self)`, which imports
its `hooks.py`, if it has one, and hands each declaration to the registry that takes it, in
the order written.
"""

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal

_TAKERS: dict[type, Callable] = {}


def takes(kind: type, register: Callable) -> None:
    """`register(declaration)` is how the registry owning `kind` takes one of them."""
    _TAKERS[kind] = register


def plug(app_config) -> None:
    """Hand every declaration in `<app>/hooks.py` (`PLUGS`) to the registry that takes it."""
    name = f"{app_config.name}.hooks"
    if importlib.util.find_spec(name) is None:
        return
    for declared in importlib.import_module(name).PLUGS:
        register = _TAKERS.get(type(declared))
        if register is None:
            raise ImproperlyConfigured(f"{name}: no registry takes {declared!r}")
        register(declared)


@dataclass(frozen=True)
class Receiver:
    """`receiver` connected to a Django `signal` (one sent by another app, or by Django)."""

    signal: Signal
    receiver: Callable
    dispatch_uid: str
    sender: object = field(default=None)


def _connect(declared: Receiver) -> None:
    declared.signal.connect(
        declared.receiver, sender=declared.sender, dispatch_uid=declared.dispatch_uid
    )


takes(Receiver, _connect)
