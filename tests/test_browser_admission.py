"""Reception admits a foreign national with a child outside, from start to finish; then a
custody officer opens everything she can and never meets the child's name (Rule 3.2)."""

import re

import pytest
from playwright.sync_api import expect

PASSWORD = "correct horse battery staple"
CHILD = "Mya Thiri"
CHILD_PLACE = "Myawaddy"


def sign_in(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.browser
@pytest.mark.rule("2.1")
@pytest.mark.rule("2.2")
@pytest.mark.rule("3.2")
@pytest.mark.django_db(transaction=True)
def test_admitting_a_foreign_national_with_a_child_outside(
    live_server, page, cast, facility_a, artifacts_dir
):
    base = live_server.url
    sign_in(page, base, "reception")
    page.get_by_role("link", name="Admit a woman").click()
    page.get_by_role("link", name="She is new: record who she is").click()
    fields = {
        "Given names": "Thandar",
        "Family name": "Win",
        "Date of birth": "1991-07-02",
        "Nationalities": "MM",
        "Languages": "my",
        "Issuing authority": "Tak Provincial Court",
        "Legal basis": "Remand pending trial",
        "Order number": "TK-2026-0412",
        "Order date": "2026-11-20",
        "Date and hour of arrest": "2026-11-19T22:30",
        "Place of arrest": "Mae Sot",
    }
    for label, value in fields.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Open the admission").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Admission of Thandar Win")
    admission_url = page.url

    # Completing too early is refused, naming the rule.
    page.get_by_role("button", name="Complete the admission").click()
    expect(page.get_by_test_id("refusal")).to_contain_text("Bangkok Rule 2.1")

    for item in ("family_contact", "legal_advice", "information", "consular"):
        form = page.get_by_test_id(f"right-{item}")
        form.get_by_label("Accepted").check()
        form.get_by_role("button", name="Record her answer").click()

    page.get_by_text("Add a child").click()
    page.get_by_label("Child's given names").fill(CHILD)
    page.get_by_label("Date of birth").last.fill("2018-05-09")
    page.get_by_label("Where the child lives", exact=True).fill(CHILD_PLACE)
    page.get_by_label("Custody or guardianship").select_option("relative")
    page.get_by_role("button", name="Add the child").click()

    # No arrangement yet: Rule 2.2 keeps her in reception.
    page.get_by_role("button", name="Complete the admission").click()
    expect(page.get_by_test_id("refusal")).to_contain_text("Bangkok Rule 2.2")
    page.screenshot(path=artifacts_dir / "admission-refused-rule-2-2.png", full_page=True)
    expect(page.get_by_test_id("admission-children")).to_contain_text(CHILD)

    # She reaches her sister, and the social worker records the arrangement in the register.
    from register.models import Child
    from register.services import update_child

    update_child(
        by=cast["social"],
        child=Child.objects.get(),
        arrangements="Her sister in Mae Sot cares for her.",
    )
    page.goto(admission_url)
    page.get_by_role("button", name="Complete the admission").click()
    expect(page).to_have_url(re.compile(r"/women/[0-9a-f-]+/$"))
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
    page.get_by_role("link", name="Open the admission").click()
    seen.append(page.content())
    page.screenshot(path=artifacts_dir / "admission-seen-by-custody.png", full_page=True)
    for html in seen:
        assert CHILD not in html and CHILD_PLACE not in html
    page.goto(woman_url)
    expect(page.get_by_test_id("children-count")).to_have_text("She has 1 child.")
