"""Her copy of her records (Mandela 9): a print view and a PDF in her language where the
catalogue has it, else the nearest (saying so); what it holds is only what its producer may
read (her clinical copy from health staff, her complaints from safeguarding, never mixed into
her records); its hand-over is logged and every read of it audited."""

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from release.models import RecordsCopy
from release.services import hand_over_copy, record_health_continuity
from tests import refusals

pytestmark = pytest.mark.django_db
SECRET_MEDICATION = "Dolutegravir 50 mg"


def print_url(admission, kind="general", **query):
    url = reverse("release:print", args=[admission.uuid, kind])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.rule("M9")
def test_reception_prints_her_records_in_thai_and_the_read_is_audited(cast, her):
    from admissions.services import record_property

    record_property(by=cast["reception"], admission=her, description="Gold necklace")
    response = client_for(cast["reception"]).get(print_url(her))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'lang="th"' in body and "Gold necklace" in body and her.order_number in body
    assert 'data-testid="copy-missing"' not in body
    read = AuditEvent.objects.get(action="release.copy_read")
    assert (read.actor, read.detail["kind"]) == (cast["reception"], "general")


@pytest.mark.rule("M9")
def test_a_language_without_a_catalogue_falls_back_to_the_nearest_saying_so(cast, facility_a):
    from release.tests.factories import admitted

    lao = admitted(cast, facility_a, prison_number="A40002", languages=["lo"])
    body = client_for(cast["reception"]).get(print_url(lao)).content.decode()
    assert 'lang="th"' in body
    assert 'data-testid="copy-missing"' in body and "Lao" in body
    burmese = admitted(cast, facility_a, prison_number="A40003", languages=["my"])
    body = client_for(cast["reception"]).get(print_url(burmese)).content.decode()
    assert 'lang="en"' in body and "Burmese" in body


@pytest.mark.rule("M9")
def test_the_pdf_is_made_with_the_apps_own_fonts(cast, her):
    response = client_for(cast["governor"]).get(print_url(her, format="pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"records-general-{her.prisoner.prison_number}-th.pdf" in response["Content-Disposition"]


@pytest.mark.rule("8")
def test_her_records_never_carry_her_health_and_the_clinical_copy_is_healths(cast, her):
    record_health_continuity(by=cast["health"], admission=her, medication=SECRET_MEDICATION)
    general = client_for(cast["reception"]).get(print_url(her)).content.decode()
    assert SECRET_MEDICATION not in general
    clinical = client_for(cast["health"]).get(print_url(her, "clinical"))
    assert clinical.status_code == 200 and SECRET_MEDICATION in clinical.content.decode()
    read = AuditEvent.objects.filter(action="release.copy_read", actor=cast["health"]).get()
    assert read.disclosed == [str(her.release_plan.health_continuity.uuid)]
    for role in ("reception", "governor", "social", "inspector"):
        assert client_for(cast[role]).get(print_url(her, "clinical")).status_code == 404


@pytest.mark.rule("25")
def test_her_complaints_copy_is_safeguardings_alone(cast, her):
    from complaints.services.complaints import lodge_complaint

    lodge_complaint(
        by=cast["custody"],
        prisoner=her.prisoner,
        kind="complaint",
        channel="in_person",
        subject="conditions",
        narrative="Canarycomplaintcopy: no hot water for a week",
    )
    copy = client_for(cast["safeguarding"]).get(print_url(her, "complaints"))
    assert copy.status_code == 200 and "Canarycomplaintcopy" in copy.content.decode()
    general = client_for(cast["reception"]).get(print_url(her)).content.decode()
    assert "Canarycomplaintcopy" not in general
    for role in ("reception", "governor", "health", "custody"):
        assert client_for(cast[role]).get(print_url(her, "complaints")).status_code == 404


def test_a_role_that_produces_no_copy_gets_a_404(cast, her):
    for role in ("custody", "social", "health", "inspector", "outsider"):
        assert client_for(cast[role]).get(print_url(her)).status_code == 404
    assert client_for(cast["reception"]).get(print_url(her, "nonsense")).status_code == 404


@pytest.mark.rule("M9")
def test_the_hand_over_is_logged_once_with_who_when_and_her_answer(cast, her):
    copy = hand_over_copy(
        by=cast["reception"], admission=her, outcome="signed", language="th", note="Two pages"
    )
    assert (copy.handed_by, copy.outcome, copy.language) == (cast["reception"], "signed", "th")
    assert copy.handed_at <= timezone.now()
    event = AuditEvent.objects.get(action="release.copy_handed_over")
    assert event.detail == {"kind": "general", "outcome": "signed", "language": "th"}
    with refusals.nothing_written(RecordsCopy), pytest.raises(Exception, match="already"):
        hand_over_copy(by=cast["governor"], admission=her, outcome="refused", language="th")


@pytest.mark.rule("8")
def test_health_staff_cant_hand_over_her_records_nor_reception_her_clinical_copy(cast, her):
    with refusals.denied(RecordsCopy):
        hand_over_copy(by=cast["health"], admission=her, outcome="signed", language="th")
    with refusals.denied(RecordsCopy):
        hand_over_copy(
            by=cast["reception"], admission=her, kind="clinical", outcome="signed", language="th"
        )
    clinical = hand_over_copy(
        by=cast["health"], admission=her, kind="clinical", outcome="signed", language="th"
    )
    assert clinical.kind == "clinical"


def test_the_copys_language_is_one_it_is_written_in(cast, her):
    with refusals.invalid("language", RecordsCopy):
        hand_over_copy(by=cast["reception"], admission=her, outcome="signed", language="xx")


def test_the_api_hides_the_copy_form_from_a_role_that_produces_none(cast, her):
    from tests.versions import VersionedAPIClient

    client = VersionedAPIClient()
    client.force_authenticate(cast["social"])
    response = client.post(
        f"/api/v1/admissions/{her.uuid}/records-copy/",
        {"outcome": "signed", "language": "th"},
        format="json",
    )
    assert response.status_code == 404
    assert not RecordsCopy.objects.exists()


@pytest.mark.rule("M9")
def test_her_copy_holds_no_sanction_or_visit_its_producer_may_not_read(cast, her):
    """Reception may not read her sanctions or visits: the copy it prints leaves them to the
    governor, who may, and says so; the governor's copy holds them."""
    from django.utils import translation

    from discipline.services.charges import impose_sanction
    from discipline.tests.factories import in_days, proved_charge

    charge = proved_charge(cast, her.prisoner)
    impose_sanction(by=cast["governor"], charge=charge, type="caution", ends_on=in_days(0))
    with translation.override("th"):  # her copy is in her language
        withheld = translation.gettext("The governor gives you this part of your records.")
    assert withheld != "The governor gives you this part of your records."
    reception = client_for(cast["reception"]).get(print_url(her)).content.decode()
    assert "Fought in the yard" not in reception
    assert reception.count(withheld) == 2
    governor = client_for(cast["governor"]).get(print_url(her)).content.decode()
    assert "Fought in the yard" in governor
    assert withheld not in governor


@pytest.mark.rule("25")
def test_a_complaints_copy_exists_for_safeguarding_alone_in_every_body(cast, her):
    hand_over_copy(
        by=cast["safeguarding"],
        admission=her,
        kind="complaints",
        outcome="signed",
        language="en",
        note="Canarycomplaintscopy",
    )
    url = reverse("api-release-plan", args=[her.uuid])
    for role in ("reception", "social", "health", "governor"):
        body = client_for(cast[role]).get(url).content.decode()
        assert "Canarycomplaintscopy" not in body and '"complaints"' not in body, role
    body = client_for(cast["safeguarding"]).get(url).content.decode()
    assert "Canarycomplaintscopy" in body
