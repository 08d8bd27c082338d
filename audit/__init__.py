"""The audit trail. Services call `audit.record(...)`; nothing else writes there."""


def record(*args, **kwargs):
    from .services import record as _record

    return _record(*args, **kwargs)


def record_many(entries):
    from .services import record_many as _record_many

    return _record_many(entries)
