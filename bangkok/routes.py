"""The route list: every address of the pages and the API, its methods and name, and for a
declared action (`bangkok.actions`) the service verb behind it and the rules it may refuse
under. `make routes` prints it; `python -m bangkok.routes --actions` only the actions."""

import sys

from django.urls import URLPattern, URLResolver, get_resolver

VERBS = ("get", "post", "put", "patch", "delete")
HEADINGS = ("METHOD", "PATH", "NAME", "ACTION", "RULES")


def _methods(view) -> str:
    declared = getattr(view, "methods", None)
    if declared:
        return ",".join(declared)
    cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
    if cls is None:
        return "*"
    return ",".join(verb.upper() for verb in VERBS if hasattr(cls, verb))


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        here = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, here, inner)
        elif isinstance(entry, URLPattern):
            yield here, entry, namespace


def rows(actions_only: bool = False) -> list[tuple[str, str, str, str, str]]:
    """(methods, path, name, action, rules) for every route, in the order they resolve; the
    action is the service verb a declared action calls."""
    found = []
    for path, entry, namespace in _walk(get_resolver().url_patterns):
        action = getattr(entry.callback, "action", None)
        if actions_only and action is None:
            continue
        name = f"{namespace}{entry.name}" if entry.name else ""
        verb = f"{action.verb.__module__}.{action.verb.__name__}" if action else ""
        rules = ",".join(action.rules) if action else ""
        found.append((_methods(entry.callback), "/" + path, name, verb, rules))
    return found


def table(actions_only: bool = False) -> str:
    lines = [HEADINGS, *rows(actions_only)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADINGS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bangkok.settings")
    django.setup()
    print(table(actions_only="--actions" in sys.argv[1:]))
