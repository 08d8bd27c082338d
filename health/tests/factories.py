from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity


def admitted_woman(cast, facility, **identity_overrides):
    """A woman admitted by reception at `facility`; her entry screening is due."""
    return admit_woman(
        by=cast["reception"],
        facility=facility,
        commitment=commitment(),
        identity=identity(**identity_overrides),
    )
