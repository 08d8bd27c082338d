"""Demo records of the parole area, made through its services as staff would: leave asked
for her children and granted, she came back on time; leave for a funeral refused on a
stated ground; a request awaiting the governor; her eligibility reviewed; a parole review
being prepared and one submitted with both sections; a review of non-custodial options; and
protective custody at a woman's request, one current and one she withdrew."""

from datetime import timedelta

from django.utils import timezone

from prisoners.models import CustodyStatus

from . import services


def seed(*, facility, staff, women) -> None:
    social, governor, custody = (staff.get(r) for r in ("social", "governor", "custody"))
    if not (social and governor and custody):
        return
    women = [w for w in women if w.custody_status == CustodyStatus.IN_CUSTODY]
    if not women:
        return
    now = timezone.now()
    first = women[0]
    services.review_leave_eligibility(
        by=social,
        prisoner=first,
        eligible=True,
        reasons="Settled, with a verified family address; leave would keep her close to her sons.",
    )
    _leave_granted_and_returned(first, social, governor, custody, now)
    if len(women) > 1:
        _leave_refused(women[1], social, governor, now)
        services.request_leave(
            by=custody,
            prisoner=women[1],
            kind="temporary_release",
            reason="resettlement",
            details="Interview for a place at the women's hostel in town.",
            destination="Women's hostel, Riverside Road",
            starts_at=now + timedelta(days=10, hours=9),
            returns_by=now + timedelta(days=10, hours=17),
        )
    _parole(women, social)
    if len(women) > 2:
        _protective_custody(women[2], social, governor)


def _leave_granted_and_returned(woman, social, governor, custody, now) -> None:
    leave = services.request_leave(
        by=social,
        prisoner=woman,
        kind="home_leave",
        reason="children",
        details="A weekend at home with her two sons, who live with their grandmother.",
        destination="Her mother's house, Ban Nong Khai",
        starts_at=now - timedelta(minutes=50),
        returns_by=now - timedelta(minutes=10),
    )
    services.decide_leave(
        by=governor,
        leave=leave,
        grant=True,
        reasons="Eligible; her mother's address is verified.",
        conditions="Stays at her mother's address; reports by telephone each evening.",
    )
    services.record_return(
        by=custody, leave=leave, outcome="on_time", returned_at=now - timedelta(minutes=15)
    )


def _leave_refused(woman, social, governor, now) -> None:
    leave = services.request_leave(
        by=social,
        prisoner=woman,
        kind="temporary_release",
        reason="funeral",
        details="Her aunt's funeral.",
        destination="Temple, Chiang Rai",
        starts_at=now + timedelta(days=2),
        returns_by=now + timedelta(days=2, hours=10),
    )
    services.decide_leave(
        by=governor,
        leave=leave,
        grant=False,
        refusal_ground="not_eligible",
        reasons="Not yet eligible in law for temporary release; a video link is arranged.",
    )


def _parole(women, social) -> None:
    today = timezone.localdate()
    submitted = services.prepare_parole_review(
        by=social,
        prisoner=women[0],
        eligibility_date=today + timedelta(days=75),
        caretaking="Sole carer of two sons, 6 and 9; their grandmother is unwell.",
        reintegration="A room at her mother's; a place on the hospital cleaning team.",
        recommendation="release_with_conditions",
    )
    services.submit_parole_review(by=social, review=submitted)
    if len(women) > 1:
        services.prepare_parole_review(
            by=social,
            prisoner=women[1],
            eligibility_date=today + timedelta(days=120),
            reintegration="Needs housing; referred to the women's hostel.",
        )
        services.review_noncustodial_options(
            by=social,
            prisoner=women[1],
            options="Early release on licence; a community order on appeal.",
            outcome="put_forward",
            reasons="Her children's care rests on her; no violence in the offence.",
            care_of_children="Her sister cares for them meanwhile.",
        )


def _protective_custody(woman, social, governor) -> None:
    ended = services.start_protective_custody(
        by=social,
        prisoner=woman,
        at_her_request=True,
        her_words="I asked to be kept safe here until my former partner's trial is over.",
        she_signed=True,
        supervising_authority="Provincial Court, family division",
        authority_reference="PC 118/2026",
        shelter_considered="The shelter had no place; she chose to stay here.",
    )
    services.withdraw_protective_custody(
        by=governor, custody=ended, her_words="I am safe now; my sister has come."
    )
    services.start_protective_custody(
        by=social,
        prisoner=woman,
        at_her_request=True,
        her_words="He has been released; I ask again to be protected here.",
        she_signed=True,
        supervising_authority="Provincial Court, family division",
        authority_reference="PC 131/2026",
        shelter_considered="The shelter is in his town; she does not want it.",
    )
