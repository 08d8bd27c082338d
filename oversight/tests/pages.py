"""The overview's page as a browser has it once shown: with the first cases of its counts,
which it loads in one request after the counts (`oversight.views.first_cases`)."""

import html
import re

CASES_LOADER = re.compile(r'hx-get="([^"]*/oversight/first-cases/[^"]*)"')


def first_cases_url(body: str) -> str | None:
    found = CASES_LOADER.search(body)
    return html.unescape(found.group(1)) if found else None


def with_first_cases(client, url: str):
    """The overview's response at `url` and its body followed by the first cases it loads
    (the first cases' answer must be a 200)."""
    page = client.get(url)
    body = page.content.decode()
    loader = first_cases_url(body)
    if loader is None:
        return page, body
    cases = client.get(loader)
    assert cases.status_code == 200
    return page, body + cases.content.decode()
