"""The filters the task tables' loop used (`test_task_rows`: that loop, kept to compare)."""

from django import template

from reminders.kinds import answering_page as _answering_page
from reminders.kinds import may_mark_done as _may_mark_done

register = template.Library()


@register.filter
def may_mark_done(task, user) -> bool:
    return _may_mark_done(task, user)


@register.filter
def answering_page(task, user):
    return _answering_page(task, user)
