"""Helpers for the tests of work queues (`reminders.queues`): a queue's page, the text of its
rows, its counts on the dashboard, and that its queries don't grow with its rows."""

import re
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext


def page(client, key: str, **params):
    return client.get(f"/queues/{key}/", params)


def rows(response) -> list[str]:
    """The text of each row of the queue's table, tags stripped."""
    body = response.content.decode()
    table = re.search(r'<tbody class="govuk-table__body">(.*?)</tbody>', body, re.S)
    if table is None:
        return []
    found = re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(1), re.S)
    return [unescape(" ".join(re.sub(r"<[^>]+>", " ", row).split())) for row in found]


def tab_counts(response) -> dict[str, int]:
    """{label: count} of the queue's tabs, "All" included."""
    body = response.content.decode()
    nav = re.search(r'<nav class="moj-sub-navigation".*?</nav>', body, re.S).group(0)
    found = re.findall(r'<a class="moj-sub-navigation__link"[^>]*>(.*?)</a>', nav, re.S)
    counts = {}
    for link in found:
        text = " ".join(re.sub(r"<[^>]+>", " ", link).split())
        label, count = re.match(r"(.*) \((\d+)\)$", text).groups()
        counts[unescape(label)] = int(count)
    return counts


def dashboard_counts(client, key: str) -> dict[str, int]:
    """{label: count} of the queue's card on the dashboard, its total as "All"."""
    body = client.get("/").content.decode()
    total = re.search(rf'data-testid="queue-total-{key}">\((\d+)\)', body)
    if total is None:
        return {}
    card = body[total.end() : body.find("govuk-summary-card__title-wrapper", total.end())]
    counts = {"All": int(total.group(1))}
    for label, count in re.findall(
        r'<th scope="row"[^>]*><a[^>]*>(.*?)</a></th>\s*'
        r'<td class="govuk-table__cell govuk-table__cell--numeric">(\d+)</td>',
        card,
        re.S,
    ):
        counts[unescape(label.strip())] = int(count)
    return counts


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def queries_do_not_grow(client, url: str, more) -> None:
    """The page at `url` makes as many queries after `more()` adds rows to it as before."""
    few = queries_of(client, url)
    more()
    assert queries_of(client, url) == few
