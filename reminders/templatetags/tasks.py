from django import template
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from bangkok.addresses import for_each
from bangkok.errors import rule_name

from ..kinds import answering_page as _answering_page
from ..kinds import may_mark_done as _may_mark_done
from ..models import Status

register = template.Library()


# A task's row of `reminders/_table.html`, written here rather than by a loop of the template:
# fifty rows of a dozen tags and filters each were most of the time of the page of her tasks.
# The markup is the template's as it was, character for character (`reminders/tests/
# test_task_rows.py` renders that template beside it).
ROW = """
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">{what}</td>
      <td class="govuk-table__cell">{woman}</td>
      <td class="govuk-table__cell"><time datetime="{due_at}">{due}</time></td>
      <td class="govuk-table__cell">
        {status}
      </td>
      <td class="govuk-table__cell">{rule}</td>
      {actions}
    </tr>
  """
WOMAN = (
    '<a class="govuk-link" href="{address}">{name}</a><br>'
    '<span class="govuk-body-s">{number}</span>'
)
STATUS = '<strong class="govuk-tag govuk-tag--{colour}">{label}</strong>'
# The status's colour, and what the template wrote after the tag before its `elif`.
COLOURS = {Status.ESCALATED: ("red", "\n        "), Status.DUE: ("orange", "\n        ")}
ACTIONS = """
      <td class="govuk-table__cell">
        {action}
      </td>
      """
ANSWER = """
        <a class="govuk-link" href="{address}" data-testid="answer-task">{label}\
<span class="govuk-visually-hidden">: {what}</span></a>
        """
MARK_DONE = """
        <form method="post" action="{address}">
          {csrf}<input type="hidden" name="version" value="{version}">
          <input type="hidden" name="next" value="{next}">
          <button type="submit" class="govuk-button govuk-button--secondary \
govuk-!-margin-bottom-0" data-module="govuk-button">{mark}\
<span class="govuk-visually-hidden">: {what}</span></button>
        </form>
        """
SAID = """
        <span class="govuk-body-s">{said}</span>
        """


@register.simple_tag(takes_context=True)
def task_rows(context, tasks, with_actions=False) -> str:
    """The rows of `tasks` as `reminders/_table.html` shows them to the request's user, with
    what she may do about each (`with_actions`): answer it on its record's form, mark it
    done, or why she can't. A clinical task's title and rule are masked for a reader of no
    clinical file (Rule 8)."""
    # A translation is written as `{% translate %}` writes it, unescaped (the translators'
    # words); every value is escaped as `{{ }}` escapes it.
    request = context["request"]
    user = request.user
    clinical = user.has_perm("health.read_clinical")
    masked = _("Health task (confidential)")
    woman_at = for_each("prisoners:detail")
    done_at = for_each("reminders:complete")
    token = context.get("csrf_token")
    csrf = (
        ""
        if not token or token == "NOTPROVIDED"
        else f'<input type="hidden" name="csrfmiddlewaretoken" value="{conditional_escape(token)}">'
    )
    here = conditional_escape(request.get_full_path())
    statuses = {value: conditional_escape(label) for value, label in Status.choices}
    rules: dict[str, str] = {}
    said = {
        "escalated": SAID.format(said=_("Escalated: the team it belongs to closes it")),
        "written": SAID.format(said=_("Closes when its record is written")),
    }
    mark = _("Mark done")
    written = []
    for task in tasks:
        hidden = task.confidential and not clinical
        what = masked if hidden else conditional_escape(task.heading)
        woman = task.prisoner
        due_at = template_localtime(task.due_at)
        colour, after = COLOURS.get(task.status, ("grey", ""))
        if hidden:
            rule = "–"
        else:
            if task.rule not in rules:
                rules[task.rule] = conditional_escape(
                    rule_name(str(task.rule)) if task.rule else ""
                )
            rule = rules[task.rule]
        actions = ""
        if with_actions:
            answer = _answering_page(task, user)
            if answer:
                action = ANSWER.format(
                    address=conditional_escape(answer[1]),
                    label=conditional_escape(answer[0]),
                    what=what,  # no clinical task is answered here by a reader masked from it
                )
            elif _may_mark_done(task, user):
                action = MARK_DONE.format(
                    address=conditional_escape(done_at(task.uuid)),
                    csrf=csrf,
                    version=conditional_escape(task.version),
                    next=here,
                    mark=mark,
                    what=what,
                )
            elif task.status == Status.ESCALATED and task.assignee_role != user.role_code:
                action = said["escalated"]
            else:
                action = said["written"]
            actions = ACTIONS.format(action=action)
        written.append(
            ROW.format(
                what=what,
                woman=(
                    WOMAN.format(
                        address=conditional_escape(woman_at(woman.uuid)),
                        name=conditional_escape(woman.full_name),
                        number=conditional_escape(woman.prison_number),
                    )
                    if woman
                    else "–"
                ),
                due_at=conditional_escape(formats.date_format(due_at, "c")),
                due=conditional_escape(formats.date_format(due_at, "DATETIME_FORMAT")),
                status=STATUS.format(colour=colour, label=statuses[task.status]) + after,
                rule=rule,
                actions=actions,
            )
        )
    return mark_safe("".join(written))  # noqa: S308 (every value escaped)
