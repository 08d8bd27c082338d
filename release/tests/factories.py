"""What a release test needs: a woman whose admission is complete, and an episode made ready
for release (for tests of other areas that release her)."""

from datetime import timedelta

from django.utils import timezone


def admitted(cast, facility, **identity_overrides):
    """A Thai woman admitted at `facility` some days ago, her admission complete."""
    from admissions.services import admit_woman, complete_admission, record_rights_offer
    from admissions.tests.factories import commitment, identity

    admission = admit_woman(
        by=cast["reception"],
        facility=facility,
        commitment=commitment(),
        admitted_at=timezone.now() - timedelta(days=10),
        identity=identity(
            **{
                "prison_number": "A40001",
                "given_names": "Malee",
                "family_name": "Srisuk",
                "nationalities": ["TH"],
                "languages": ["th"],
                **identity_overrides,
            }
        ),
    )
    for item in ("family_contact", "legal_advice", "information"):
        record_rights_offer(
            by=cast["reception"], admission=admission, item=item, outcome="done", language="th"
        )
    return complete_admission(by=cast["reception"], admission=admission)


def ready_for_release(cast, admission, *, by="reception"):
    """Nothing of her way home keeps her release waiting: the reason she leaves with her
    health continuity incomplete is recorded, and she took her copy of her records."""
    from release.services import hand_over_copy, record_health_reason

    record_health_reason(by=cast[by], admission=admission, reason="Released by the court today.")
    hand_over_copy(by=cast[by], admission=admission, outcome="signed", language="en")
    return admission
