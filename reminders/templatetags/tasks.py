from django import template

from ..kinds import may_mark_done as _may_mark_done

register = template.Library()


@register.filter
def may_mark_done(task, user) -> bool:
    """Whether `user` is offered "Mark done" for `task` (`reminders.kinds`)."""
    return _may_mark_done(task, user)
