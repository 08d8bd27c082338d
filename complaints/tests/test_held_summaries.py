"""What was asked of an action held after her report reads in the reader's language: it is
kept as a message id and its parameters (`bangkok.texts`), the English kept beside it for logs
and searches, and summaries held before are given their message ids where they can be."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from complaints.models import HeldAction
from conftest import client_for
from discipline.services import charges, segregation
from discipline.tests.factories import in_days

from .factories import held_action, report

pytestmark = pytest.mark.django_db


def french_charge() -> str:
    """The charge's summary as a French reader reads it (the catalogue's own spaces)."""
    with translation.override("fr"):
        said = gettext("Charge: %(offence)s") % {"offence": "Late for roll call"}
    assert said.startswith("Accusation")
    return said


def held_after_report(cast, woman):
    report(cast["health"], woman)
    charge = charges.lay_charge(
        by=cast["custody"], prisoner=woman, offence="Late for roll call", language="Thai"
    )
    separated = segregation.segregate(
        by=cast["governor"],
        prisoner=woman,
        kind="separation",
        reason="Kept apart",
        planned_end=in_days(2),
    )
    return (
        HeldAction.objects.get(record_uuid=charge.uuid),
        HeldAction.objects.get(kind="segregation", prisoner=woman),
        separated,
    )


def test_a_held_action_keeps_what_was_asked_as_a_message_and_reads_in_each_language(cast, woman_a):
    with translation.override("th"):  # asked by an officer whose pages are in Thai
        held, separated_held, separated = held_after_report(cast, woman_a)
    assert held.summary == "Charge: Late for roll call"  # the English, for logs and searches
    assert held.summary_key == "Charge: %(offence)s"
    assert held.summary_params == {"offence": "Late for roll call"}
    assert separated_held.summary_params["day"] == {"day": in_days(2).isoformat()}
    with translation.override("th"):
        assert held.asked == "ข้อกล่าวหา: Late for roll call"
    with translation.override("fr"):
        assert held.asked == french_charge()
        assert separated_held.asked.startswith("Isolement jusqu")
    with translation.override("en"):
        assert held.asked == held.summary


def test_the_governors_pages_and_the_api_show_it_in_her_language(cast, woman_a):
    held, _separated_held, _separated = held_after_report(cast, woman_a)
    governor = client_for(cast["governor"])
    governor.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    for url in (reverse("complaints:held", args=[held.uuid]), "/queues/held-actions/"):
        page = governor.get(url).content.decode()
        assert french_charge() in page, url
        assert "Charge: Late for roll call" not in page, url
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(cast["governor"])
    answer = api.get("/api/v1/held-actions/", HTTP_ACCEPT_LANGUAGE="th").json()
    rows = answer["results"] if isinstance(answer, dict) else answer
    [found] = [row for row in rows if row["uuid"] == str(held.uuid)]
    assert found["summary"] == "ข้อกล่าวหา: Late for roll call"


def test_summaries_held_before_are_given_their_message_ids_where_they_can_be(cast, woman_a):
    held, separated_held, _separated = held_after_report(cast, woman_a)
    HeldAction.objects.filter(pk=held.pk).update(summary_key="", summary_params={})
    HeldAction.objects.filter(pk=separated_held.pk).update(
        summary="Segregation until 6 Dec 2026: Kept apart", summary_key="", summary_params={}
    )
    own = held_action(cast["governor"], woman_a, "Moved nearer her mother, as she asked")
    migration = importlib.import_module("complaints.migrations.0013_held_summaries_of_existing")
    migration.give_message_ids(apps, None)
    for record in (held, separated_held, own):
        record.refresh_from_db()
    assert held.summary_key == "Charge: %(offence)s"
    assert separated_held.summary_key == "Segregation until %(day)s: %(reason)s"
    assert separated_held.summary_params == {"day": {"day": "2026-12-06"}, "reason": "Kept apart"}
    assert own.summary_key == ""
    with translation.override("th"):
        assert held.asked == "ข้อกล่าวหา: Late for roll call"
        assert separated_held.asked.startswith("แยกขังจนถึง ")
        assert own.asked == "Moved nearer her mother, as she asked"
