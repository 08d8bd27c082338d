"""Reception admits a foreign national with a child outside, step by step from the search
for her record to the completed admission, in the browser alone; then a custody officer opens
everything she can and never meets the child's name (Rule 3.2). A screenshot of each step."""

import re

import pytest
from playwright.sync_api import expect

from tests.her_page import open_sections
from tests.screenshots import screenshot

PASSWORD = "correct horse battery staple"
CHILD = "Mya Thiri"
CHILD_PLACE = "Myawaddy"
NOTE = "She asks for the lawyer of the Legal Aid Council"


def follow(page, control) -> None:
    """Her click on `control`, and the page it opens loaded: what she reads or fills next is on
    that page, not on the one she leaves (which may have the same form or heading)."""
    with page.expect_navigation():
        control.click()


def sign_in(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def signed_in(page, base, username):
    """She opens the app signed in, on the page the sign-in form leads to: her session is made
    before the page opens, as `force_login` makes it (the form itself is a journey of its own,
    tests/test_browser_find_a_woman.py, and the sign-ins after a sign-out use it)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.shortcuts import resolve_url
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}]
    )
    page.goto(base + resolve_url(settings.LOGIN_REDIRECT_URL))


def saved(page, step: str, message: str):
    """After a save she is still at the step she was on, told it is saved."""
    expect(page).to_have_url(re.compile(rf"/steps/{step}/#step-{step}$"))
    expect(page.get_by_role("alert").filter(has_text=message)).to_be_visible()


@pytest.mark.browser
@pytest.mark.rule("2.1")
@pytest.mark.rule("3.2")
@pytest.mark.rule("4")
@pytest.mark.django_db(transaction=True)
def test_admitting_a_foreign_national_with_a_child_outside_step_by_step(
    live_server, page, cast, facility_a, facility_b, artifacts_dir
):
    base = live_server.url
    shot = 0

    def step_shot(name):
        nonlocal shot
        shot += 1
        screenshot(page, artifacts_dir / f"admission-{shot:02d}-{name}.png", full_page=True)

    signed_in(page, base, "reception")
    page.get_by_role("link", name="Admit a woman").click()

    # 1. Identity: the search first; what was typed is carried into "She is new".
    page.get_by_label("Given names").fill("Thandar")
    page.get_by_label("Family name").fill("Win")
    page.get_by_label("Date of birth").fill("1991-07-02")
    page.get_by_role("button", name="Look for her record").click()
    expect(page.get_by_text("No record matches.")).to_be_visible()
    page.get_by_role("link", name="She is new: record who she is").click()
    expect(page.get_by_label("Given names")).to_have_value("Thandar")
    expect(page.get_by_label("Family name")).to_have_value("Win")
    expect(page.get_by_label("Date of birth")).to_have_value("1991-07-02")
    page.get_by_label("Nationality", exact=True).select_option(label="Myanmar (Burma)")
    page.get_by_label("The language she prefers").select_option(label="Burmese")
    page.get_by_label("Other languages she understands").select_option(label="Thai")
    fields = {
        "Issuing authority": "Tak Provincial Court",
        "Legal basis": "Remand pending trial",
        "Order number": "TK-2026-0412",
        "Order date": "2026-11-20",
        "Date and hour of arrest": "2026-11-19T22:30",
        "Place of arrest": "Mae Sot",
    }
    for label, value in fields.items():
        page.get_by_label(label, exact=True).fill(value)
    step_shot("identity")
    page.get_by_role("button", name="Open the admission").click()

    # 2. Rights (Rule 2.1), one answer at a time, staying on the step.
    saved(page, "rights", "Admission opened")
    expect(page.get_by_role("heading", level=1)).to_have_text("Admission of Thandar Win")
    steps = page.get_by_test_id("steps")
    expect(steps.locator("[aria-current=step]")).to_contain_text("Rights")

    # Completing too early is refused, naming the rule, at the step it was asked from.
    steps.get_by_role("link", name=re.compile("Complete")).click()
    page.get_by_role("button", name="Complete the admission").click()
    expect(page.get_by_test_id("refusal")).to_contain_text("Bangkok Rule 2.1")
    steps.get_by_role("link", name=re.compile("Rights")).click()

    for item in ("family_contact", "legal_advice", "information", "consular"):
        form = page.get_by_test_id(f"right-{item}")
        form.get_by_label("Accepted").check()
        expect(form.get_by_label("Language it was offered in")).to_have_value("my")
        if item == "legal_advice":
            form.get_by_label("Note").fill(NOTE)
        # The next form is filled on the page that follows.
        follow(page, form.get_by_role("button", name="Record her answer"))
        saved(page, "rights", "Her answer is recorded.")
    expect(steps.locator("[aria-current=step]")).to_contain_text("done")
    step_shot("rights")
    page.get_by_role("link", name="Continue: Children").click()

    # 3. Children (Rules 2.2, 3): added with where she is and who cares for her.
    page.get_by_text("Add a child").click()
    page.get_by_label("Child's given names").fill(CHILD)
    page.get_by_label("Date of birth").fill("2018-05-09")
    page.get_by_label("Where the child lives", exact=True).fill(CHILD_PLACE)
    page.get_by_label("Custody or guardianship").select_option("relative")
    page.get_by_label("Arrangements made for the child").fill(
        "Her sister in Myawaddy cares for her."
    )
    page.get_by_role("button", name="Add the child").click()
    saved(page, "children", "Child added to the register.")
    expect(page.get_by_test_id("admission-children")).to_contain_text(CHILD)
    step_shot("children")
    page.get_by_role("link", name="Continue: Family").click()

    # 4. Family.
    page.get_by_text("Add a family member or contact").click()
    page.get_by_label("Name", exact=True).fill("Daw Hla Hla")
    page.get_by_label("Relationship to her").fill("Sister")
    page.get_by_label("Emergency contact").check()
    page.get_by_role("button", name="Add", exact=True).click()
    saved(page, "family", "Family member recorded.")
    expect(page.get_by_test_id("family")).to_contain_text("Daw Hla Hla")
    step_shot("family")
    page.get_by_role("link", name="Continue: Home and allocation").click()

    # 5. Her home from the gazetteer, then the allocation measures from it (Rule 4).
    expect(
        page.get_by_text("Her home is not recorded, so distances can't be computed.")
    ).to_be_visible()
    page.get_by_label("Find her town or village").fill("Mae So")
    page.get_by_role("button", name="Find places").click()
    page.get_by_label("Mae Sot, Thailand").check()
    page.get_by_role("button", name="Record her home").click()
    saved(page, "home", "Her home is recorded: Mae Sot, Thailand.")
    expect(page.get_by_test_id("distances")).to_contain_text("Hillcrest Women's Unit")
    page.get_by_label("Allocate her to").select_option(label="A – Riverside Women's Prison")
    page.get_by_role("button", name="Record the allocation").click()
    expect(page.get_by_text("write the reason").first).to_be_visible()  # away from home: Rule 4
    page.get_by_label("Reason").fill("Her trial is in Bangkok; review after sentence.")
    page.get_by_role("button", name="Record the allocation").click()
    saved(page, "home", "Allocation recorded.")
    expect(page.get_by_test_id("allocation")).to_contain_text("Not the nearest")
    step_shot("home-and-allocation")
    page.get_by_role("link", name="Continue: Property").click()

    # 6. Property, signed by her.
    page.get_by_text("Add to her property").click()
    page.get_by_label("Item").fill("Mobile phone")
    page.get_by_role("button", name="Add", exact=True).click()
    saved(page, "property", "Added to her property.")
    page.get_by_role("button", name="She has signed the inventory").click()
    saved(page, "property", "Her signature on the inventory is recorded.")
    step_shot("property")
    page.get_by_role("link", name="Continue: Complete").click()

    # 7. The summary shows her answers and notes; every step is done; she leaves reception.
    expect(page.get_by_test_id("rights-note")).to_contain_text(NOTE)
    expect(page.get_by_test_id("nationalities")).to_have_text("Myanmar (Burma)")
    expect(page.get_by_test_id("languages")).to_contain_text("Burmese (preferred), Thai")
    expect(page.get_by_test_id("home")).to_contain_text("Mae Sot, Thailand")
    expect(page.get_by_test_id("steps").get_by_text("to do")).to_have_count(1)  # Complete
    step_shot("complete")
    page.get_by_role("button", name="Complete the admission").click()
    expect(page).to_have_url(re.compile(r"/women/[0-9a-f-]+/$"))
    open_sections(page)
    expect(page.get_by_text("Admitted", exact=True)).to_be_visible()
    woman_url = page.url
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, base, "custody")
    seen = []
    for url in (
        woman_url,
        f"{base}/women/",
        f"{base}/women/?q=Thandar",
        f"{base}/tasks/",
        f"{base}/",
    ):
        page.goto(url)
        seen.append(page.content())
    page.goto(woman_url)
    open_sections(page)
    page.get_by_role("link", name="Open the admission").click()
    seen.append(page.content())
    screenshot(page, artifacts_dir / "admission-seen-by-custody.png", full_page=True)
    for html in seen:
        assert CHILD not in html and CHILD_PLACE not in html
    page.goto(woman_url)
    open_sections(page)
    expect(page.get_by_test_id("children-count")).to_have_text("She has 1 child.")
