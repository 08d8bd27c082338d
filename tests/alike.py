"""What two answers share when one is the 404 of a record that doesn't exist
(`tests/test_not_found_sweep.py`, and the permission matrix's cells declared 404): the
status, the body and the headers, all but what differs between two renderings of one page
whatever the id."""

import re

# The masked CSRF token, and the headers that carry the moment of the answer or a new cookie.
CSRF = re.compile(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')
PER_REQUEST = {"Expires", "Set-Cookie", "Content-Length"}
# What an id she may not reach answers: not found, or a method the route doesn't take.
REFUSALS = {404, 405}
# A route's ids, as the resolver writes them.
ID_PARAMETER = re.compile(r"<(uuid|int):(\w+)>")


def answer_of(response) -> tuple:
    """Status, body and headers, without what differs whatever the id."""
    headers = {name: value for name, value in response.headers.items() if name not in PER_REQUEST}
    return response.status_code, CSRF.sub(rb"\1", response.content), headers


def parted(got, baseline) -> str | None:
    """None when `got` answers as `baseline`, the answer to an id that doesn't exist, and that
    answer is a refusal; else where they part (`unlike`)."""
    if got == baseline and baseline[0] in REFUSALS:
        return None
    return unlike(got, baseline)


def unlike(got, baseline) -> str:
    """Where two answers part: status, the first differing bytes of the body, or headers."""
    if baseline[0] not in REFUSALS:
        return f"an id that doesn't exist answered {baseline[0]}"
    if got[0] != baseline[0]:
        return f"status {got[0]}, not {baseline[0]}"
    if got[1] != baseline[1]:
        at = next(i for i, (a, b) in enumerate(zip(got[1], baseline[1], strict=False)) if a != b)
        return f"body {got[1][at - 40 : at + 60]!r}, not {baseline[1][at - 40 : at + 60]!r}"
    return f"headers {got[2]}, not {baseline[2]}"
