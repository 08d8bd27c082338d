"""The checks every browser test makes of its pages (tests.pagechecks) find what they are
for: a field without a label, an id used twice, and a page a phone must scroll sideways."""

import pytest

from tests.pagechecks import Checked, PageChecks

ORIGIN = "http://bangkok.test"
PAGE = """<!DOCTYPE html><html lang="en"><head><title>A page</title></head>
<body><main><h1>A page</h1>{body}</main></body></html>"""


def checked(context, browser, body):
    checks = PageChecks(origin=ORIGIN)
    checks.watch(context)
    page = context.new_page()
    html = PAGE.format(body=body)
    page.route(f"{ORIGIN}/**", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(f"{ORIGIN}/women/")
    checks.settle()
    return checks.axe_failures(), checks.phone_failures(browser)


@pytest.mark.browser
def test_a_field_without_a_label_fails_axe(context, browser):
    axe, phone = checked(context, browser, '<form><input type="text" name="q"></form>')
    assert len(axe) == 1
    assert axe[0].startswith(f"{ORIGIN}/women/: label (critical)")
    assert phone == []


@pytest.mark.browser
def test_a_page_wider_than_a_phone_fails(context, browser):
    axe, phone = checked(context, browser, '<p style="width: 600px">A wide paragraph</p>')
    assert axe == []
    assert len(phone) == 1
    assert "scrolls sideways at 390px: 608px wide in 390px; widest: p " in phone[0]


@pytest.mark.browser
def test_a_page_that_fits_passes(context, browser):
    assert checked(context, browser, "<p>A short paragraph</p>") == ([], [])


@pytest.mark.browser
def test_an_id_used_twice_fails(context, browser):
    axe, _phone = checked(context, browser, '<p id="note">One</p><p id="note">Two</p>')
    assert axe == [
        f"{ORIGIN}/women/: duplicate-id (serious) An id is used once in a page — "
        "1 element(s): #note"
    ]


DOCUMENT = """<!DOCTYPE html><html lang="{lang}"><head><title>A page</title>
<style>.note {{ color: {colour}; }} .faint {{ color: #c8c8c8; }}</style></head>
<body hx-headers='{{"X-CSRFToken": "{token}"}}'><main><h1>A page</h1>
<form><input type="hidden" name="csrfmiddlewaretoken" value="{token}"></form>{body}</main>
</body></html>"""

RIGHT = {"lang": "en", "colour": "#0b0c0c", "token": "a1b2c3"}
WOMAN = "4b0f6e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b"
OTHER_WOMAN = "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a"

# A page in the state axe passes, and beside it the same page changed in one thing axe reads.
PASSES = (
    f'<p class="note">Malee Srisuk</p><a href="/women/{WOMAN}/" id="w-{WOMAN}">Her page</a>'
    '<label for="q">Name</label><input id="q" type="text">'
    '<button type="button" aria-label="Save the plan">Save the plan</button>'
    '<nav aria-labelledby="n1"><h2 id="n1">Steps</h2></nav>'
    '<nav aria-labelledby="n2"><h2 id="n2">Sections</h2></nav>'
)
FAILS = {
    "colour in a stylesheet": ({"colour": "#c8c8c8"}, PASSES),
    "colour in a class": ({}, PASSES.replace('class="note"', 'class="faint"')),
    "colour in a style": ({}, PASSES.replace('class="note"', 'style="color: #ddd"')),
    "a label for another field": ({}, PASSES.replace('for="q"', 'for="r"')),
    "a link with no text": ({}, PASSES.replace(">Her page<", "><")),
    "a name not in the label": ({}, PASSES.replace('label="Save the plan"', 'label="Go"')),
    "two landmarks of one name": ({}, PASSES.replace(">Sections<", ">Steps<")),
    "a language that is none": ({"lang": "zz-none-such"}, PASSES),
    "an id used twice": ({}, PASSES + f'<p id="w-{WOMAN}">Twice</p>'),
    "a link hidden from ARIA": ({}, PASSES.replace("<a href", '<a aria-hidden="true" href')),
}
# The same page of another woman, in other words, with another token against forgery.
SAME = (
    {"token": "z9y8x7"},
    PASSES.replace(WOMAN, OTHER_WOMAN).replace("Malee Srisuk", "Aye Thandar Win"),
)


def judged(context, checks, changes: dict, body: str) -> tuple[list[str], str]:
    """What axe finds in the page, and the state it is known by (nothing checked before)."""
    checks.known, checks.checked, checks.snapshots, checks.seen = Checked(), {}, {}, []
    page = context.new_page()
    html = DOCUMENT.format(**{**RIGHT, **changes}, body=body)
    page.route(f"{ORIGIN}/**", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(f"{ORIGIN}/women/")
    checks.settle()
    page.close()
    [(_url, state)] = checks.snapshots
    return checks.axe_failures(), state


@pytest.mark.browser
def test_a_page_is_checked_again_in_any_state_axe_judges_differently(context):
    """Two pages share a state (and the second is not checked) only if axe can't tell them
    apart: each change axe reads is a new state; another woman's page, in other words, is not."""
    checks = PageChecks(origin=ORIGIN)
    checks.watch(context)
    passing, state = judged(context, checks, {}, PASSES)
    assert passing == []
    for change, (values, body) in FAILS.items():
        failures, changed = judged(context, checks, values, body)
        assert failures, f"{change}: axe finds nothing, so the case proves nothing"
        assert changed != state, f"{change}: the page keeps its state, and isn't checked"
    assert judged(context, checks, *SAME) == ([], state)


def test_the_runs_processes_check_each_state_once_between_them(tmp_path):
    """What one process checked, another sharing its folder leaves; a page the phone is yet to
    judge is left by no other process, and a folder of another run is another record."""
    one, other, next_run = Checked(folder=tmp_path), Checked(folder=tmp_path), Checked()
    one.add_axe_checked("123")
    one.add_phone_shown("/women/<uuid>/?", "123", checked=False)
    assert other.axe_checked("123") and not other.axe_checked("124")
    assert not other.phone_shown("/women/<uuid>/?", "123")
    one.add_phone_shown("/women/<uuid>/?", "123", checked=True)
    assert other.phone_shown("/women/<uuid>/?", "123")
    assert not other.phone_shown("/women/<uuid>/?", "124")
    assert not other.phone_shown("/women/", "123")
    assert not next_run.axe_checked("123") and not next_run.phone_shown("/women/<uuid>/?", "123")
