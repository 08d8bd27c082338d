from django import template

from ..kinds import answering_page as _answering_page
from ..kinds import may_mark_done as _may_mark_done

register = template.Library()


@register.filter
def may_mark_done(task, user) -> bool:
    """Whether `user` is offered "Mark done" for `task` (`reminders.kinds`)."""
    return _may_mark_done(task, user)


@register.filter
def answering_page(task, user) -> tuple[str, str] | None:
    """("Record <the answering record>", its form's address) for `user`, or None
    (`reminders.kinds.answering_page`)."""
    return _answering_page(task, user)
