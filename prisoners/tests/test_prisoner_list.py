import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from conftest import client_for
from prisoners.models import CustodyStatus, LegalStatus, Prisoner
from prisoners.tests.factories import PrisonerFactory, UnitFactory
from prisoners.views import LIST_ORDER

pytestmark = pytest.mark.django_db
URL = reverse("prisoners:list")


def names(response):
    return [w.prison_number for w in response.context["page"].items]


def test_search_finds_a_woman_by_part_of_her_name_or_an_alias(cast, facility_a):
    PrisonerFactory(
        facility=facility_a,
        prison_number="A1",
        given_names="Siriporn",
        family_name="Wongsawat",
        aliases=["Pim"],
    )
    PrisonerFactory(
        facility=facility_a, prison_number="A2", given_names="Maria", family_name="García"
    )
    client = client_for(cast["reception"])
    assert names(client.get(URL, {"q": "wongs"})) == ["A1"]
    assert names(client.get(URL, {"q": "  PIM "})) == ["A1"]
    assert names(client.get(URL, {"q": "garcía"})) == ["A2"]


def test_search_finds_a_woman_by_the_start_of_her_prison_number(cast, facility_a):
    PrisonerFactory(facility=facility_a, prison_number="A24011")
    PrisonerFactory(facility=facility_a, prison_number="A31000")
    assert names(client_for(cast["custody"]).get(URL, {"q": "a24"})) == ["A24011"]


def test_search_never_reaches_another_facility(cast, woman_a, woman_b):
    response = client_for(cast["custody"]).get(URL, {"q": "Thandar"})
    assert names(response) == []
    assert b"B00001" not in response.content
    assert b"No woman matches" in response.content


def test_filters_by_unit_legal_status_and_custody(cast, facility_a):
    unit = UnitFactory(facility=facility_a, code="G1")
    PrisonerFactory(facility=facility_a, prison_number="A1", unit=unit)
    PrisonerFactory(facility=facility_a, prison_number="A2", legal_status=LegalStatus.SENTENCED)
    PrisonerFactory(facility=facility_a, prison_number="A3", custody_status=CustodyStatus.RELEASED)
    client = client_for(cast["governor"])
    assert names(client.get(URL, {"unit": str(unit.uuid)})) == ["A1"]
    assert names(client.get(URL, {"legal_status": "sentenced"})) == ["A2"]
    assert sorted(names(client.get(URL))) == ["A1", "A2"], "in custody by default"
    assert names(client.get(URL, {"custody_status": "released"})) == ["A3"]
    assert sorted(names(client.get(URL, {"custody_status": ""}))) == ["A1", "A2", "A3"]


def test_a_facility_outside_her_scope_is_not_a_valid_filter(cast, woman_a, woman_b):
    response = client_for(cast["custody"]).get(URL, {"facility": "B"})
    assert names(response) == []
    assert response.context["form"].errors["facility"]


def test_only_juveniles_filter(cast, facility_a):
    from datetime import date

    PrisonerFactory(facility=facility_a, prison_number="J1", date_of_birth=date(2010, 1, 1))
    PrisonerFactory(facility=facility_a, prison_number="W1")
    assert names(client_for(cast["social"]).get(URL, {"juvenile": "true"})) == ["J1"]


def test_pages_follow_each_other_with_no_woman_lost_or_repeated(cast, facility_a):
    for i in range(23):
        PrisonerFactory(
            facility=facility_a,
            prison_number=f"P{i:03d}",
            family_name="Saetang",
            given_names=["Noy", "Aye"][i % 2],
        )
    client = client_for(cast["reception"])
    seen, url, pages = [], URL + "?page_size=10", 0
    while url:
        response = client.get(url)
        seen += names(response)
        url = response.context["next_url"] and URL + response.context["next_url"]
        pages += 1
    assert pages == 3
    assert sorted(seen) == sorted(f"P{i:03d}" for i in range(23))
    back = client.get(URL + response.context["previous_url"])
    assert len(names(back)) == 10


def test_a_search_pages_its_matches_in_the_lists_order_both_ways(cast, facility_a):
    """A search of three letters or more finds its matches first, then orders them: the pages
    are those of the list's order, as when it walked the list."""
    for i in range(23):
        PrisonerFactory(
            facility=facility_a,
            prison_number=f"P{i:03d}",
            family_name=["Saetang", "Saetangsri"][i % 3 == 0],
            given_names=["Noy", "Aye"][i % 2],
        )
    for i in range(4):  # before them in the order, and not found
        PrisonerFactory(facility=facility_a, prison_number=f"Q{i:03d}", family_name="Aung")
    PrisonerFactory(facility=facility_a, prison_number="SAETA1", family_name="Zin")  # by number
    order = Prisoner.objects.filter(facility=facility_a).exclude(family_name="Aung")
    expected = list(order.order_by(*LIST_ORDER).values_list("prison_number", flat=True))
    client = client_for(cast["reception"])
    url, pages = URL + "?q=SAETA&page_size=10", []
    while url:
        response = client.get(url)
        pages.append(names(response))
        url = response.context["next_url"] and URL + response.context["next_url"]
    assert [n for page in pages for n in page] == expected
    assert [len(page) for page in pages] == [10, 10, 4]
    assert names(client.get(URL + response.context["previous_url"])) == pages[1]


def test_a_search_asks_as_many_queries_as_the_list(cast, facility_a):
    client = client_for(cast["reception"])
    for i in range(12):
        PrisonerFactory(facility=facility_a, family_name="Saetang", prison_number=f"S{i:03d}")
    listed = count_queries(client, URL + "?page_size=10")
    assert count_queries(client, URL + "?page_size=10&q=saetang") == listed
    assert count_queries(client, URL + "?page_size=10&q=sa") == listed


def test_a_tampered_page_link_is_not_found(cast):
    assert client_for(cast["reception"]).get(URL, {"cursor": "bogus"}).status_code == 404


def test_the_empty_state_says_there_is_nobody_on_record(cast):
    response = client_for(cast["reception"]).get(URL)
    assert b"There are no women on record in your facilities." in response.content


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("role", ["reception", "custody", "health"])
def test_the_list_runs_the_same_number_of_queries_for_10_and_100_women(role, cast, facility_a):
    """Whatever flags her role is shown (health sees the restraint flags, reception only a
    child with her), a row reads nothing the list's one query didn't."""
    from prisoners.services import set_protection_flags

    client = client_for(cast[role])
    for i in range(10):
        woman = PrisonerFactory(facility=facility_a, unit=UnitFactory(facility=facility_a))
        set_protection_flags(
            prisoner=woman,
            by=None,
            source="t",
            no_segregation=bool(i % 2),
            restraint_health_approval=i % 3 == 0,
            observation_level="intermittent" if i % 4 == 0 else "none",
            child_in_prison=i % 5 == 0,
        )
    ten = count_queries(client, URL + "?page_size=100")
    for _ in range(90):
        PrisonerFactory(facility=facility_a)
    assert count_queries(client, URL + "?page_size=100") == ten


def test_a_row_writes_her_names_number_and_unit_escaped(cast, facility_a):
    """The rows are written in Python (`prisoners.views.rows`): whatever markup a name, a
    number or a unit's code holds is shown as text, as the template would show it."""
    unit = UnitFactory(facility=facility_a, code='M&B"1')
    PrisonerFactory(
        facility=facility_a,
        unit=unit,
        family_name="O'Brien <b>",
        given_names='Ann "<i>"',
        prison_number="A<1>&",
    )
    body = client_for(cast["reception"]).get(URL).content.decode()
    family, given, number, code = "O'Brien <b>", 'Ann "<i>"', "A<1>&", 'M&B"1'
    assert f"{escape(family)}, {escape(given)}</a>" in body
    assert f">{escape(number)}<" in body
    assert f">A / {escape(code)}<" in body
    assert "<b>" not in body and "<i>" not in body and code not in body


FLAGS = '<ul class="bk-flags".*?</ul>'


def test_women_with_the_same_flags_show_the_same_protections(cast, facility_a):
    """The flags of a row are written once for each set of them a request meets: two women
    with the same flags show the same list, a woman with others her own."""
    from prisoners.services import set_protection_flags

    flags = {
        "A1": {"no_segregation": True},
        "A2": {"no_segregation": True},
        "A3": {"no_segregation": True, "observation_level": "constant"},
        "A4": {},
    }
    for number, given in flags.items():
        woman = PrisonerFactory(facility=facility_a, prison_number=number, family_name=number)
        set_protection_flags(prisoner=woman, by=None, source="t", **given)
    body = client_for(cast["custody"]).get(URL).content.decode()
    shown = {
        number: re.search(rf">{number}</td>.*?({FLAGS}|</tr>)", body, re.S)[1] for number in flags
    }
    assert shown["A1"] == shown["A2"] and "No segregation" in shown["A1"]
    assert "Observation" not in shown["A1"] and "Observation: Constant" in shown["A3"]
    assert "No segregation" in shown["A3"] and shown["A4"] == "</tr>"


def test_each_row_links_to_her_page_and_says_her_legal_status(cast, facility_a):
    women = [
        PrisonerFactory(facility=facility_a, legal_status=status) for status in LegalStatus.values
    ]
    body = client_for(cast["reception"]).get(URL).content.decode()
    for woman in women:
        assert f'href="{reverse("prisoners:detail", args=[woman.uuid])}"' in body
        field = Prisoner._meta.get_field("legal_status")
        assert woman.get_legal_status_display() == woman._get_FIELD_display(field)
        assert f">{woman.get_legal_status_display()}<" in body
    woman.legal_status = "unheard_of"
    assert woman.get_legal_status_display() == woman._get_FIELD_display(field) == "unheard_of"


def _units_as_django_writes_them(units, value="", empty="Any") -> str:
    """Django's own select of the units, from model instances: grouped under their facility
    (`Facility.__str__`) when they are of more than one."""
    from django import forms

    units = list(units)
    options = [(str(unit.uuid), str(unit)) for unit in units]
    if len({unit.facility_id for unit in units}) > 1:
        options = [
            (str(place), [(str(unit.uuid), str(unit)) for unit in group])
            for place, group in itertools.groupby(units, key=lambda unit: unit.facility)
        ]
    return forms.ChoiceField(choices=[("", empty), *options]).widget.render("choice", value)


def test_the_options_are_those_the_model_instances_give(cast, facility_a, facility_b):
    """The unit and facility selects read their options as rows (`UnitField`, `FacilityField`):
    the same options, in the same order, as django-filter's own field reading model instances;
    the units of more than one facility grouped under each facility's name."""
    from django_filters.fields import ModelChoiceField

    from facilities.models import Facility
    from prisoners.filters import FacilityField, UnitField
    from prisoners.models import Unit

    chosen = UnitFactory(facility=facility_b, code="B2", name="Mother & baby <wing>")
    UnitFactory(facility=facility_a, code="A1", name="Reception")
    UnitFactory(facility=facility_a, code="A2", name="Wing")
    Facility.objects.filter(pk=facility_a.pk).update(name="Women's <central> prison")
    units = Unit.objects.select_related("facility")
    kwargs = {"to_field_name": "uuid", "empty_label": "Any"}
    for queryset in (units, units.filter(facility=facility_b)):
        written = UnitField(queryset=queryset, **kwargs).widget.render("choice", str(chosen.uuid))
        assert written == _units_as_django_writes_them(queryset, str(chosen.uuid))
        assert f'value="{chosen.uuid}" selected' in written
        assert "Mother &amp; baby &lt;wing&gt;</option>" in written
        assert ("<optgroup" in written) == (queryset is units)
    assert written == ModelChoiceField(queryset=queryset, **kwargs).widget.render(
        "choice", str(chosen.uuid)
    )
    both = UnitField(queryset=units, **kwargs).widget.render("choice", "")
    assert 'label="A – Women&#x27;s &lt;central&gt; prison"' in both
    assert both.count("<optgroup") == 2 and both.count("<option") == 4
    written = [
        kind(
            queryset=Facility.objects.all(), to_field_name="code", empty_label="Any"
        ).widget.render("choice", facility_b.code)
        for kind in (FacilityField, ModelChoiceField)
    ]
    assert written[0] == written[1]
    assert f'value="{facility_b.code}" selected' in written[0]
    assert "&lt;central&gt;" in written[0]


def test_the_lists_sql_written_once_reads_each_viewer_her_own_women(cast, facility_a, facility_b):
    """The list's query is written once a connection for its shape (`PrisonerFilter.shape`,
    `bangkok.prepared`) and run with the viewer's facilities, the unit chosen and the page's
    position as values: staff of two facilities, in turn on one connection, each walk the
    pages of her own women only, forwards and back, and a unit of the other facility is no
    choice of hers."""
    from django.db import connections

    from bangkok.prepared import _SHAPES

    units = {
        facility_a: UnitFactory(facility=facility_a),
        facility_b: UnitFactory(facility=facility_b),
    }
    for i in range(7):
        for facility, letter in ((facility_a, "A"), (facility_b, "B")):
            unit = None if i % 2 else units[facility]
            PrisonerFactory(facility=facility, unit=unit, prison_number=f"{letter}-LIST-{i}")
    PrisonerFactory(facility=facility_a, prison_number="AR", custody_status=CustodyStatus.RELEASED)

    def walked(client, **filters):
        seen, response = [], client.get(URL, {"page_size": 3, **filters})
        while True:
            seen.append(names(response))
            following = response.context["next_url"]
            if not following:
                break
            response = client.get(URL + following)
        if len(seen) > 1:
            assert names(client.get(URL + response.context["previous_url"])) == seen[-2]
        return [number for page in seen for number in page]

    def expected(facility, **filters):
        women = Prisoner.objects.filter(facility=facility, **filters).order_by(*LIST_ORDER)
        return list(women.values_list("prison_number", flat=True))

    mine, theirs = client_for(cast["reception"]), client_for(cast["outsider"])
    connections["default"].__dict__.pop(_SHAPES, None)  # what other tests wrote
    for _ in range(2):
        for client, facility in ((mine, facility_a), (theirs, facility_b)):
            in_custody = expected(facility, custody_status=CustodyStatus.IN_CUSTODY)
            assert walked(client) == in_custody and len(in_custody) == 7
            assert walked(client, unit=str(units[facility].uuid)) == expected(
                facility, unit=units[facility]
            )
            assert walked(client, custody_status="") == expected(facility)
    shapes = connections["default"].__dict__[_SHAPES]
    written = [key for key in shapes if key[0][0] == "women list"]
    # One SQL for each filter's first pages, pages after and pages back: not one a viewer.
    assert len(written) == 3 * 3
    other = mine.get(URL, {"unit": str(units[facility_b].uuid)})
    assert names(other) == []
    assert b"B-LIST-" not in other.content


def test_the_options_of_her_facilities_read_once_written_are_hers(cast, facility_a, facility_b):
    """Given the ids of her facilities, the unit and facility selects read their options by SQL
    written once a connection (`prisoners.filters._Scoped`): for one facility, the other, and
    both, in turn, the options the model instances of those facilities give, and no other."""
    from django_filters.fields import ModelChoiceField

    from facilities.models import Facility
    from prisoners.filters import FacilityField, UnitField
    from prisoners.models import Unit

    b2 = UnitFactory(facility=facility_b, code="B2", name="Mother & baby <wing>")
    a1 = UnitFactory(facility=facility_a, code="A1", name="Reception")
    UnitFactory(facility=facility_a, code="A2", name="Wing")
    for ids in ([facility_a.pk], [facility_b.pk], [facility_a.pk, facility_b.pk]) * 2:
        facilities = Facility.objects.filter(pk__in=ids)
        units = Unit.objects.filter(facility__in=facilities).select_related("facility")
        kwargs = {"queryset": units, "to_field_name": "uuid", "empty_label": "Any"}
        # Staff of both choose a facility first: here, the first's, and a unit of the other.
        choice = {"facility_code": facility_a.code, "unit_chosen": str(b2.uuid)}
        written = UnitField(facility_ids=ids, **(choice if len(ids) > 1 else {}), **kwargs)
        written = written.widget.render("choice", "")
        assert written == _units_as_django_writes_them(units)
        assert written.count("<option") == units.count() + 1
        kwargs = {"queryset": facilities, "to_field_name": "code", "empty_label": "Any"}
        written = FacilityField(facility_ids=ids, **kwargs).widget.render("choice", "")
        assert written == ModelChoiceField(**kwargs).widget.render("choice", "")
        assert written.count("<option") == facilities.count() + 1
    # The page of each: her facility's units only (each option's value is the unit's id).
    for user, shown, hidden in (("reception", a1, b2), ("outsider", b2, a1)):
        page = client_for(cast[user]).get(URL).content.decode()
        assert f'value="{shown.uuid}"' in page and str(hidden.uuid) not in page


def test_staff_of_two_facilities_choose_the_facility_then_among_its_units(
    cast, facility_a, facility_b, django_assert_max_num_queries
):
    """Staff of two facilities choose a facility first: until then no unit is offered (a
    national member of staff's thousand units of 120 facilities were a hundred kilobytes of
    every page of the list), and the hint says so; once she has chosen one, among its units
    only (the list of its women), and htmx asks for the unit filter alone, without reading
    any woman. A unit chosen is shown chosen whatever its facility: alone, or of the other
    facility than the one chosen (grouped; it finds none of her women)."""
    from staff.tests.factories import make_staff

    both = client_for(make_staff("custody", facility_a, facility_b))
    wing = UnitFactory(facility=facility_a, code="W1", name="Wing one")
    other = UnitFactory(facility=facility_b, code="W2", name="Wing two")
    PrisonerFactory(facility=facility_a, unit=wing, prison_number="A-UNIT")
    PrisonerFactory(facility=facility_b, unit=other, prison_number="B-UNIT")
    hint = "Choose a facility first: its units are then offered."

    def units(page) -> str:
        assert page.status_code == 200
        return re.search(r'<select name="unit".*?</select>', page.content.decode(), re.S)[0]

    first = both.get(URL)
    assert units(first).count("<option") == 1 and hint in first.content.decode()
    # htmx follows her choice of facility; staff of one have nothing to follow.
    assert 'hx-include="#id_facility"' in first.content.decode()
    assert (
        'hx-include="#id_facility"' not in client_for(cast["reception"]).get(URL).content.decode()
    )
    assert sorted(names(first)) == ["A-UNIT", "B-UNIT"]
    assert str(wing.uuid) not in first.content.decode()
    for facility, shown, hidden in ((facility_a, wing, other), (facility_b, other, wing)):
        chosen = both.get(URL, {"facility": facility.code})
        assert "<optgroup" not in units(chosen) and hint not in chosen.content.decode()
        assert str(shown.uuid) in units(chosen) and str(hidden.uuid) not in units(chosen)
        # What htmx asks when the facility is chosen: the unit filter alone, no woman read.
        with django_assert_max_num_queries(4) as asked:
            alone = both.get(
                URL,
                {"facility": facility.code},
                HTTP_HX_REQUEST="true",
                HTTP_HX_TARGET="unit-filter",
            )
        assert units(alone) == units(chosen)
        assert alone.content.decode().startswith('<div id="unit-filter"')
        assert "<table" not in alone.content.decode() and "-UNIT" not in alone.content.decode()
        assert not [q for q in asked.captured_queries if "prisoners_prisoner" in q["sql"]]
        assert alone["Vary"] and "HX-Target" in alone["Vary"]
    # The unit filter alone is the list's, refused as the list is to a role that doesn't
    # read the women.
    sysadmin = client_for(cast["sysadmin"])
    refused = sysadmin.get(
        URL, {"facility": facility_a.code}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="unit-filter"
    )
    assert refused.status_code == sysadmin.get(URL).status_code == 404
    assert str(wing.uuid) not in refused.content.decode()
    assert names(both.get(URL, {"facility": facility_a.code, "unit": str(wing.uuid)})) == ["A-UNIT"]
    alone = both.get(URL, {"unit": str(other.uuid)})
    assert names(alone) == ["B-UNIT"]
    assert units(alone).count("<option") == 2 and f'value="{other.uuid}" selected' in units(alone)
    mixed = both.get(URL, {"facility": facility_a.code, "unit": str(other.uuid)})
    assert names(mixed) == []
    assert f'value="{other.uuid}" selected' in units(mixed)
    assert units(mixed).count("<optgroup") == 2 and str(wing.uuid) in units(mixed)
