import pytest
from django.urls import reverse

from admissions.models import Admission, Stage
from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from conftest import client_for
from register.models import Child
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db
NEW = reverse("admissions:new")


def form_data(**overrides):
    data = {**identity(), **commitment()}
    data.update(
        nationality="MM",
        language="my",
        aliases="Daw Thandar",
        order_date="2026-11-20",
        arrested_at="2026-11-19T22:30",
        date_of_birth="1991-07-02",
        gender_identity="woman",
        new="1",
    )
    data.update(overrides)
    return data


@pytest.mark.rule("M7")
def test_reception_admits_a_new_woman_through_the_form(cast, facility_a):
    response = client_for(cast["reception"]).post(NEW, form_data())
    admission = Admission.objects.get()
    assert response.status_code == 302
    rights = reverse("admissions:step", args=[admission.uuid, "rights"])
    assert response["Location"] == f"{rights}#step-rights"
    assert admission.prisoner.nationalities == ["MM"]
    assert admission.prisoner.aliases == ["Daw Thandar"]


@pytest.mark.rule("M7")
def test_a_missing_order_number_is_shown_beside_the_field_and_nothing_is_saved(cast, facility_a):
    response = client_for(cast["reception"]).post(NEW, form_data(order_number=""))
    assert response.status_code == 400
    assert "order_number" in response.context["form"].errors
    assert not Admission.objects.exists()


def test_a_returning_woman_is_found_and_readmitted_on_her_record(cast, facility_a, woman_a):
    client = client_for(cast["reception"])
    found = client.get(NEW, {"find": "1", "family_name": "srisuk"})
    assert list(found.context["matches"]) == [woman_a]
    data = {**form_data(), "returning": str(woman_a.uuid)}
    data.pop("new")
    response = client.post(NEW, data)
    assert response.status_code == 302
    assert woman_a.admissions.count() == 1


def test_other_roles_cannot_open_the_admission_form(cast):
    assert client_for(cast["custody"]).get(NEW).status_code == 404
    assert client_for(cast["inspector"]).post(NEW, form_data()).status_code == 404


@pytest.fixture
def admission(cast, facility_a):
    return admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )


@pytest.mark.rule("2.1")
def test_completing_with_rights_unanswered_shows_the_refusal_naming_the_rule(cast, admission):
    client = client_for(cast["reception"])
    response = client.post(reverse("admissions:complete", args=[admission.uuid]))
    assert response.status_code == 400
    assert "Bangkok Rule 2.1" in response.context["complete_error"]
    admission.refresh_from_db()
    assert admission.stage == Stage.RECEPTION


@pytest.mark.rule("2.1")
def test_recording_each_right_then_completing(cast, admission):
    client = client_for(cast["reception"])
    for item in ("family_contact", "legal_advice", "information", "consular"):
        response = client.post(
            reverse("admissions:offer-right", args=[admission.uuid]),
            {
                "item": item,
                f"{item}-item": item,
                f"{item}-outcome": "accepted",
                f"{item}-language": "my",
            },
        )
        assert response.status_code == 302
    response = client.post(reverse("admissions:complete", args=[admission.uuid]))
    assert response.status_code == 302
    admission.refresh_from_db()
    assert admission.stage == Stage.ADMITTED


@pytest.mark.rule("3")
def test_reception_adds_a_child_and_a_bad_child_record_is_refused_with_rule_31(cast, admission):
    client = client_for(cast["reception"])
    url = reverse("admissions:add-child", args=[admission.uuid])
    refused = client.post(
        url, {"given_names": "Ploy", "date_of_birth": "2019-03-14", "dependent": "on"}
    )
    assert refused.status_code == 400
    assert "Rule 3.1" in refused.content.decode()
    ok = client.post(
        url,
        {
            "given_names": "Ploy",
            "date_of_birth": "2019-03-14",
            "dependent": "on",
            "location": "Lampang",
            "custody": "relative",
            "arrangements": "Grandmother",
        },
    )
    assert ok.status_code == 302
    assert Child.objects.get().mother == admission.prisoner


@pytest.mark.rule("3.2")
def test_the_admission_page_shows_children_to_reception_only_and_audits_it(cast, admission):
    from register.services import record_child
    from register.tests.factories import child_fields

    record_child(by=cast["reception"], mother=admission.prisoner, **child_fields())
    url = reverse("admissions:detail", args=[admission.uuid])
    assert "Ploy" in client_for(cast["reception"]).get(url).content.decode()
    assert AuditEvent.objects.filter(action="child.identity_read").count() == 1
    custody_view = client_for(cast["custody"]).get(url).content.decode()
    assert "Ploy" not in custody_view and "Lampang" not in custody_view


def test_another_facilitys_admission_is_404(cast, admission):
    url = reverse("admissions:detail", args=[admission.uuid])
    assert client_for(cast["outsider"]).get(url).status_code == 404


@pytest.mark.rule("M7")
def test_injuries_noted_at_reception_are_not_shown_to_custody_officers(cast, facility_a):
    admission = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(),
        injuries_noted=True,
    )
    woman = admission.prisoner
    assert (
        "Yes: referred to health staff"
        in open_her_page(client_for(cast["governor"]), woman).content.decode()
    )
    assert "ill-treatment" not in open_her_page(client_for(cast["custody"]), woman).content.decode()


@pytest.mark.rule("2.1")
@pytest.mark.parametrize(
    ("code", "direction"),
    [("en", "ltr"), ("es", "ltr"), ("fr", "ltr"), ("ar", "rtl"), ("th", "ltr")],
)
def test_the_information_sheet_prints_in_each_language(cast, admission, code, direction):
    url = reverse("admissions:information-sheet", args=[admission.uuid])
    response = client_for(cast["reception"]).get(url, {"language": code})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'lang="{code}" dir="{direction}"' in body
    assert "A31001" in body
    assert "consulate" in body or code != "en", "a foreign national is told of consular access"


@pytest.mark.rule("2.1")
def test_the_sheet_defaults_to_a_language_she_understands(cast, facility_a):
    admission = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(languages=["es", "en"]),
    )
    url = reverse("admissions:information-sheet", args=[admission.uuid])
    assert 'lang="es"' in client_for(cast["reception"]).get(url).content.decode()


def test_a_language_the_sheet_does_not_exist_in_is_404(cast, admission):
    url = reverse("admissions:information-sheet", args=[admission.uuid])
    assert client_for(cast["reception"]).get(url, {"language": "xx"}).status_code == 404


def test_the_admission_page_runs_the_same_number_of_queries_for_1_and_6_children(cast, admission):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from register.services import record_child
    from register.tests.factories import child_fields

    client = client_for(cast["reception"])
    url = reverse("admissions:detail", args=[admission.uuid])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    record_child(by=cast["reception"], mother=admission.prisoner, **child_fields())
    one = count()
    for n in range(5):
        record_child(
            by=cast["reception"],
            mother=admission.prisoner,
            **child_fields(given_names=f"Child {n}"),
        )
    assert count() == one
