"""Screenshots of the journeys' steps, for people to look at: none is read by an assertion,
and each costs the browser its page drawn whole into a PNG, so they are taken only when
`TEST_SCREENSHOTS` is set (`TEST_SCREENSHOTS=1 make test`), into the artifacts folder
(`TEST_ARTIFACTS`). A page that fails its checks is kept whatever it says
(`tests/pagechecks.py`)."""

import os
from pathlib import Path

WANTED = os.environ.get("TEST_SCREENSHOTS", "") not in {"", "0"}


def screenshot(target, path: Path | str, **options) -> None:
    """`target.screenshot(path=path, **options)` (a page or a locator), when they are wanted."""
    if not WANTED:
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    target.screenshot(path=path, **options)
