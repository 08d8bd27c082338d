"""A child comes to live with her mother while she is on a wing: custody find the task on
their list, see on her page that where she lives breaks the Rules, are offered only the unit
suited to children and move her there, which closes the task (Rule 51.2; Mandela 11)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from prisoners.models import Prisoner, Unit
from prisoners.services import MOVE_KIND, place_on_unit
from register.tests.factories import child_fields, with_her
from reminders.models import Reminder
from tests.screenshots import screenshot
from tests.test_browser_admission import signed_in


@pytest.mark.browser
@pytest.mark.rule("51.2")
@pytest.mark.rule("M11")
@pytest.mark.django_db(transaction=True)
def test_custody_move_a_mother_whose_child_came_to_live_with_her_to_the_unit_for_mothers(
    live_server, page, cast, facility_a, artifacts_dir
):
    base = live_server.url
    wing = Unit.objects.create(facility=facility_a, code="W1", name="Wing 1")
    Unit.objects.create(facility=facility_a, code="JUV", name="Girls' unit", designation="juvenile")
    Unit.objects.create(
        facility=facility_a, code="MBU", name="Mother and baby unit", designation="mother_and_baby"
    )
    woman = admitted_woman(cast, facility_a).prisoner
    place_on_unit(by=cast["custody"], prisoner=woman, unit=wing)
    baby = child_fields(date_of_birth=timezone.localdate() - timedelta(days=90))
    with_her(cast["reception"], woman, social=cast["social"], **baby)
    shots = artifacts_dir / "units"
    shots.mkdir(parents=True, exist_ok=True)

    signed_in(page, base, "custody")
    page.goto(f"{base}/tasks/")
    page.get_by_role("link", name=re.compile("her move to a unit suited to children")).first.click()
    expect(page.get_by_role("heading", name="Move her to another unit")).to_be_visible()
    expect(page.get_by_test_id("unit-now")).to_contain_text("Wing 1")
    choice = page.get_by_label("Move her to")
    expect(choice.locator("option")).to_have_count(1)  # the unit for mothers alone
    screenshot(page, shots / "1-move-form.png", full_page=True)
    choice.select_option(label="MBU – Mother and baby unit (Mother and baby)")
    page.get_by_label("Why she moves").fill("Her baby lives with her now.")
    page.get_by_role("button", name="Move her").click()
    expect(page.get_by_text("She now lives on Mother and baby unit.")).to_be_visible()
    expect(page.get_by_test_id("unit-wrong")).to_have_count(0)
    screenshot(page, shots / "2-her-page.png", full_page=True)
    assert Prisoner.objects.get(pk=woman.pk).unit.code == "MBU"
    assert Reminder.objects.get(kind=MOVE_KIND, prisoner=woman).status == "done"
