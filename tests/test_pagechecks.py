"""The checks every browser test makes of its pages (tests.pagechecks) find what they are
for: a field without a label, an id used twice, and a page a phone must scroll sideways."""

import pytest

from tests.pagechecks import PageChecks

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
