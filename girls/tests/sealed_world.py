"""A girl with records in every area before her release and her seal (Havana r. 19): what the
canary scan and the sealed doors' tests look for in every list, search, export and page."""

from datetime import timedelta

from django.utils import timezone


def records_in_every_area(cast, girl, woman) -> None:
    """While she was in custody, each area recorded something of her that its lists show
    (`woman`: another woman of her facility, her part in an incident between them)."""
    from complaints.tests.factories import complaint, report
    from discipline.tests.factories import proved_charge
    from equality import services as equality
    from force.tests.factories import use_force
    from health.services import care
    from hygiene import services as hygiene
    from parole.tests.factories import draft
    from pretrial import services as pretrial
    from regime.tests.factories import day_out, placed
    from register.services import record_child
    from restraints.tests.factories import restrain
    from safeguarding.tests.factories import concern, incident, need
    from searches.tests.factories import given
    from selfharm.tests.factories import open_case
    from visits.tests.factories import approved, booked

    incident(cast, woman, other=girl)
    concern(cast, girl, concern="Her cousin says she is afraid.")
    need(cast, girl)
    care.record_encounter(
        by=cast["health"], prisoner=girl, kind="general", clinician=cast["health"], notes="Well."
    )
    person = approved(cast, girl, name="Sealedvisitor Srisuk")
    booked(cast, girl, [person])
    record_child(
        by=cast["reception"],
        mother=girl,
        given_names="Sealedchild",
        family_name="Srisuk",
        date_of_birth=timezone.localdate() - timedelta(days=400),
        location="With her grandmother",
        custody="relative",
        arrangements="Her grandmother cares for him.",
    )
    pretrial.enter_hearing(
        by=cast["custody"],
        prisoner=girl,
        at=timezone.now() + timedelta(days=3),
        court="Youth and Family Court",
        kind="bail",
        attendance="in_person",
    )
    draft(cast, girl)
    proved_charge(cast, girl)
    given(cast["governor"], girl, by=cast["custody"])
    use_force(cast, girl)
    restrain(cast, girl)
    open_case(cast, girl)
    placed(cast, girl, name="Sealed girls' class")
    day_out(cast, girl)
    hygiene.grant_entitlement(
        by=cast["custody"], prisoner=girl, basis="kitchen", extra="A daily shower"
    )
    equality.give_consent(by=cast["social"], prisoner=girl)
    equality.record_faith_need(by=cast["social"], prisoner=girl, kind="diet", detail="Halal food")
    # Last: her report of abuse holds what staff would do to her next (Rule 25.1).
    complaint(cast["social"], girl)
    report(cast["social"], girl)
