"""Demo records of the parole area, made through its services as staff would: leave asked
for her children and granted, she came back on time; leave for a funeral refused on a
stated ground; a request awaiting the governor; her eligibility reviewed; a parole review
being prepared and one submitted with both sections; a review of non-custodial options; and
protective custody at a woman's request, one current and one she withdrew; the transfers home
of sentenced foreign nationals, considered with them: one she applied for and the ministry
approved, one awaiting its decision, one she does not wish (Rule 53.1); the rest wait to be
considered."""

from datetime import timedelta

from django.utils import timezone

from prisoners.models import CustodyStatus, LegalStatus

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
    _home_transfers(women, social, governor)


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


def _home_transfers(women, social, governor) -> None:
    foreign = [
        w for w in women if w.is_foreign_national and w.legal_status == LegalStatus.SENTENCED
    ]
    today = timezone.localdate()
    for n, woman in enumerate(foreign[:3]):
        country = woman.nationalities[0]
        if n == 2:
            services.consider_home_transfer(
                by=social,
                prisoner=woman,
                country=country,
                pursued=False,
                not_pursued="she_declines",
                note="She wants to stay near her partner, who is held here.",
            )
            continue
        transfer = services.consider_home_transfer(
            by=social,
            prisoner=woman,
            country=country,
            pursued=True,
            agreement="Bilateral agreement on the transfer of sentenced persons",
            initiative="her_application",
            her_words="I ask to finish my sentence at home, where my children live.",
            consent_on=today - timedelta(days=20),
            children_there=True,
        )
        if n == 0:
            services.decide_home_transfer(
                by=governor,
                transfer=transfer,
                approved=True,
                authority="Ministry of Justice",
                decided_on=today - timedelta(days=3),
                reasons="The agreement's conditions are met; her home country accepts her.",
            )
