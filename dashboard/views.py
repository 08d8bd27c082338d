"""The dashboard: what needs doing today, for her role, in her facilities."""

from collections.abc import Callable
from datetime import datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from bangkok import counting
from bangkok.pagination import paginate, url_with
from facilities.scope import facilities_of
from prisoners.models import CustodyStatus, juvenile_q
from prisoners.permissions import prisoners_visible_to
from prisoners.withheld import without_withheld
from reminders import queues
from reminders.models import Status
from reminders.services import listed, tasks_for


def end_of_today() -> datetime:
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))


@login_required
@require_safe
def dashboard(request):
    """What needs doing today, for her role, in her facilities."""
    user = request.user
    role = user.role
    context = {"role": role, "facilities": list(facilities_of(user))}
    if role is not None and role.case_data:
        tasks = tasks_for(user)
        end = end_of_today()
        asked, cards = _queues_asked(user)
        # Every count of the page in one statement (`bangkok.counting`): the women in custody
        # (read from their index, `prisoner_in_custody`), her tasks, her queues.
        head, task_counts, *answers = counting.counts(
            [
                (
                    prisoners_visible_to(user).filter(custody_status=CustodyStatus.IN_CUSTODY),
                    {"juveniles": juvenile_q()},
                ),
                (
                    tasks,
                    {
                        "today": Q(due_at__lt=end),
                        "overdue": Q(status__in=[Status.DUE, Status.ESCALATED]),
                        "escalated": Q(status=Status.ESCALATED),
                    },
                ),
                *asked,
            ]
        )
        context["counts"] = {"in_custody": head[counting.ALL], "juveniles": head["juveniles"]}
        context["task_counts"] = {k: n for k, n in task_counts.items() if k != counting.ALL}
        context["queues"] = cards(answers)
        context["today"] = list(listed(tasks.filter(due_at__lt=end)).order_by("due_at", "id")[:10])
    return render(request, "dashboard.html", context)


def _queues_asked(user) -> tuple[list, Callable[[list[dict]], list[dict]]]:
    """What her role's queues ask to be counted (`bangkok.counting`), and how their answers,
    in the same order, make each queue's card: its total and a line a bucket (a line a part,
    where something waits, for a queue with a page of its own)."""
    now = timezone.now()
    mine = queues.queues_for(user)
    asked: list = []
    shapes = []
    for queue in mine:
        if isinstance(queue, queues.QueueElsewhere):
            parts = queue.parts(user)
            shapes.append((queue, [label for label, _records in parts], len(asked)))
            asked += [(records, {}) for _label, records in parts]
        else:
            shapes.append((queue, None, len(asked)))
            asked.append((_shown(queue, queue.records(user)), queues.conditions(queue, now)))

    def cards(answers: list[dict]) -> list[dict]:
        counted = []
        for queue, labels, at in shapes:
            if labels is not None:
                url = reverse(queue.page)
                numbers = [answers[at + n][counting.ALL] for n in range(len(labels))]
                total = sum(numbers)
                # Only the parts where something waits: the page lists them all.
                lines = [
                    {"label": label, "count": n, "url": url}
                    for label, n in zip(labels, numbers, strict=True)
                    if n
                ]
            else:
                url = reverse(f"queue-{queue.key}")
                counts = answers[at]
                lines = [
                    {"label": b.label, "count": counts[b.key], "url": f"{url}?bucket={b.key}"}
                    for b in queue.buckets
                ]
                total = counts[counting.ALL]
            counted.append({"queue": queue, "url": url, "total": total, "buckets": lines})
        return counted

    return asked, cards


def _shown(queue, records):
    """A queue's records without those of a woman withheld (a girl's sealed records, Havana
    r. 19; `prisoners.withheld`), where its records name a woman."""
    try:
        records.model._meta.get_field(queue.woman.split("__")[0])
    except FieldDoesNotExist:
        return records
    return without_withheld(records, queue.woman)


@login_required
@require_safe
def queue_page(request, key):
    """One of her role's queues: its buckets with their counts, its filters, a page of its
    records. Another role's queue doesn't exist for her (404)."""
    queue = queues.queue_for(request.user, key)
    if queue is None:
        raise Http404("No such page.")
    now = timezone.now()
    records = _shown(queue, queue.records(request.user))
    chosen_filters = []
    chosen_values: dict[str, str] = {}
    for each in queue.filters:
        offered = each.choices(request.user, dict(chosen_values))
        choices = [(str(value), label) for value, label in offered]
        value = request.GET.get(each.key, "")
        if value and value in dict(choices):
            records = each.apply(records, value)
        else:
            value = ""
        hint = each.hint(request.user, dict(chosen_values)) if each.hint and not choices else ""
        chosen_values[each.key] = value
        if choices or hint:
            chosen_filters.append(
                {"filter": each, "choices": choices, "value": value, "hint": hint}
            )
    counts = queues.tally(queue, records, now)
    chosen = queues.bucket(queue, request.GET.get("bucket"))
    if chosen is not None:
        records = records.filter(chosen.where(now))
    paged = paginate(request, records, fields=queue.keyset)
    items = paged["page"].items
    if queue.disclosed is not None and items:
        queue.disclosed(request.user, items)
    params = request.GET
    tabs = [
        {
            "label": bucket.label,
            "count": counts[bucket.key],
            "url": url_with(params, bucket=bucket.key, cursor=None),
            "current": chosen is bucket,
        }
        for bucket in queue.buckets
    ]
    context = {
        "queue": queue,
        "rows": [queue.row(item, request.user) for item in items],
        "total": counts[""],
        "all_url": url_with(params, bucket=None, cursor=None),
        "tabs": tabs,
        "bucket": chosen,
        "filters": chosen_filters,
        "filtered": any(f["value"] for f in chosen_filters),
        **paged,
    }
    return render(request, "dashboard/queue.html", context)
