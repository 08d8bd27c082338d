"""A girl's records sealed after her release (Havana r. 19) leave every list an area builds
from its own records by facility (`prisoners.withheld.without_withheld`): what listed her
records the day she left lists none of them once she is sealed, for every role, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from complaints.models import Complaint
from girls import services
from girls.tests.sealed_world import records_in_every_area
from girls.tests.test_sealing import born_years_ago
from prisoners.withheld import without_withheld

pytestmark = pytest.mark.django_db


def _lists():
    """(what, the list for a user) for each list an area builds by facility."""
    from authority.registry import areas
    from authority.services import pending_for
    from complaints.permissions import (
        STATUS,
        complaints_visible_to,
        held_actions_visible_to,
    )
    from pretrial.reading import hearings_of
    from safeguarding.reading import awaiting_concerns, plans_worked
    from searches.permissions import searches_visible_to
    from selfharm.reading import caseload

    found = [
        ("complaints", complaints_visible_to),
        ("complaints' status", lambda user: complaints_visible_to(user, STATUS)),
        ("held actions", held_actions_visible_to),
        ("searches", searches_visible_to),
        ("self-harm cases", caseload),
        ("family concerns", awaiting_concerns),
        ("safeguarding plans", plans_worked),
        ("court hearings", hearings_of),
    ]
    for area in areas():
        found.append((f"awaiting authority: {area.key}", lambda u, a=area: pending_for(u, a)))
    return found


def listed(cast, girl) -> set[str]:
    return {
        what
        for what, of in _lists()
        for role, user in cast.items()
        if of(user).filter(prisoner=girl).exists()
    }


@pytest.fixture
def girl(cast, facility_a):
    """A girl admitted at 16 with a record in every area, released today, not yet sealed."""
    from admissions.services import release
    from release.tests.factories import admitted, ready_for_release

    woman = admitted(cast, facility_a, prison_number="A40995").prisoner
    admission = admitted(
        cast,
        facility_a,
        prison_number="A40996",
        given_names="Sealedlists",
        date_of_birth=born_years_ago(16),
    )
    records_in_every_area(cast, admission.prisoner, woman)
    admission = ready_for_release(cast, admission)
    release(by=cast["reception"], admission=admission, reason="Bail granted")
    return admission.prisoner


@pytest.mark.rule("H19")
def test_a_sealed_girl_leaves_every_list_that_showed_her_records(cast, girl):
    before = listed(cast, girl)
    # Released, her complaints are still listed for those who read complaints.
    assert {"complaints", "complaints' status"} <= before
    services.seal_record(by=cast["governor"], prisoner=girl, reason="The youth court asked.")
    assert listed(cast, girl) == set()
    # Her records are still there: sealed, not deleted.
    assert Complaint.objects.filter(prisoner=girl).count() == 2


@pytest.mark.rule("H19")
def test_leaving_her_out_costs_no_query_of_its_own(cast, girl):
    services.seal_record(by=cast["governor"], prisoner=girl, reason="The youth court asked.")
    with CaptureQueriesContext(connection) as queries:
        shown = list(without_withheld(Complaint.objects.select_related("prisoner")))
    assert len(queries) == 1
    assert Complaint.objects.filter(prisoner=girl).exists()
    assert girl.pk not in {complaint.prisoner_id for complaint in shown}
    # Her relation named as each record names her: her child on the register, by "mother".
    from register.models import Child

    with CaptureQueriesContext(connection) as queries:
        children = list(without_withheld(Child.objects.all(), "mother"))
    assert len(queries) == 1
    assert Child.objects.filter(mother=girl).exists()
    assert girl.pk not in {child.mother_id for child in children}


@pytest.mark.rule("H19")
def test_the_filter_made_once_leaves_her_out_of_every_query_that_uses_it(cast, girl):
    """The filter of the withheld (`prisoners.withheld.withheld`) is made once a process for
    each path and shared by every query: no query that uses it changes it, so the tenth list
    built from it leaves her out as the first did, in the same SQL, and one made before her
    records were sealed leaves her out once they are."""
    from prisoners.models import Prisoner
    from prisoners.withheld import shown, withheld

    assert withheld("prisoner") is withheld("prisoner")
    first = str(without_withheld(Complaint.objects.all()).query)
    assert Complaint.objects.filter(prisoner=girl).exists()
    assert without_withheld(Complaint.objects.filter(prisoner=girl)).exists()
    services.seal_record(by=cast["governor"], prisoner=girl, reason="The youth court asked.")
    for _ in range(10):
        assert not without_withheld(Complaint.objects.filter(prisoner=girl)).exists()
        assert not shown(Prisoner.objects.filter(pk=girl.pk)).exists()
        assert Complaint.objects.filter(~withheld("prisoner"), prisoner=girl).count() == 0
    assert str(without_withheld(Complaint.objects.all()).query) == first


@pytest.mark.rule("H19")
def test_a_record_naming_her_through_another_leaves_and_one_naming_no_woman_stays(cast, girl):
    from django.apps import apps

    from prisoners.models import Prisoner
    from reminders.models import Reminder

    services.seal_record(by=cast["governor"], prisoner=girl, reason="The youth court asked.")
    # Each area's records that name her through another of her records (a place on an
    # activity, a plan, an admission).
    through = [
        (model, f"{field.name}__prisoner")
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.many_to_one
        and any(
            other.name == "prisoner" and other.many_to_one
            for other in field.related_model._meta.concrete_fields
        )
    ]
    hers = [
        (model, path)
        for model, path in through
        if model._default_manager.filter(**{path: girl}).exists()
    ]
    assert len(hers) >= 2, hers
    for model, path in hers:
        records = model._default_manager.all()
        shown = set(without_withheld(records, path).values_list("pk", flat=True))
        others = set(records.exclude(**{path: girl}).values_list("pk", flat=True))
        assert shown == others, model
    # A reminder of no woman (a facility's task) is nobody's to withhold.
    task = Reminder.objects.exclude(prisoner=girl).first()
    Reminder.objects.filter(pk=task.pk).update(prisoner=None)
    assert without_withheld(Reminder.objects.filter(pk=task.pk)).exists()
    # A path back through a reverse relation would list a record once a related row.
    backwards = Prisoner._meta.related_objects[0].name
    with pytest.raises(ValueError, match="forward relations"):
        without_withheld(Prisoner.objects.all(), f"{backwards}__prisoner")


@pytest.mark.rule("H19")
def test_the_women_list_written_once_leaves_her_out_once_she_is_sealed(cast, girl):
    """The women list's SQL is written once a connection for its shape (`bangkok.prepared`):
    the same SQL that listed her before her records were sealed leaves her out after, for the
    governor who sealed them and for the safeguarding lead, in every custody filter."""
    from django.db import connections
    from django.urls import reverse

    from bangkok.prepared import _SHAPES
    from conftest import client_for

    url = reverse("prisoners:list")
    clients = [client_for(cast[role]) for role in ("governor", "safeguarding")]

    def listed(client, status) -> list[str]:
        response = client.get(url, {"custody_status": status, "page_size": 100})
        return [row.prison_number for row in response.context["page"].items]

    assert all(girl.prison_number in listed(client, "") for client in clients)
    assert all(girl.prison_number in listed(client, "released") for client in clients)
    shapes = connections["default"].__dict__[_SHAPES]
    written = {key for key in shapes if key[0][0] == "women list"}
    assert written
    services.seal_record(by=cast["governor"], prisoner=girl, reason="The youth court asked.")
    for client in clients:
        for status in ("", "released", "in_custody"):
            found = listed(client, status)
            assert girl.prison_number not in found
            assert status == "released" or "A40995" in found  # the other woman stays
    assert {key for key in shapes if key[0][0] == "women list"} >= written
