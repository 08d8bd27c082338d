"""How long, written for people: minutes under an hour, then days and hours."""

from datetime import timedelta

import pytest

from bangkok.formats import human_span


@pytest.mark.parametrize(
    ("span", "said"),
    [
        (timedelta(seconds=30), "0 minutes"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(minutes=59, seconds=59), "59 minutes"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=23, minutes=50), "23 hours"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=3, hours=2), "3 days 2 hours"),
    ],
)
def test_a_span_is_written_to_the_hour(span, said):
    assert human_span(span) == said
