"""Signals other areas listen to when a staff account changes.

`credentials_changed(sender=User, user=..., reason=...)` is sent, after the change commits,
when her password is set or reset, her account is deactivated or locked, or her access is
otherwise withdrawn: whatever proved who she was before must stop working (sessions, API
tokens). `reason` is one of "password", "reset", "deactivated", "locked".
"""

from django.dispatch import Signal

credentials_changed = Signal()
