from datetime import date, datetime, timedelta

from django.utils import timezone

from register.models import Child
from register.services import record_child
from register.tests.factories import decide
from staff.models import Course, TrainingRecord


def trained(user, course=Course.SEARCH_METHODS, *, completed=None, expires=None):
    """A training record for `user`: completed a year ago, valid for another year."""
    today = timezone.localdate()
    completed = completed or today - timedelta(days=365)
    return TrainingRecord.objects.create(
        user=user,
        course=course,
        completed=completed,
        expires=expires if expires is not None else today + timedelta(days=365),
        in_effect_from=timezone.make_aware(datetime.combine(completed, datetime.min.time())),
    )


def pat_down(**overrides) -> dict:
    """What a pat-down on admission records, the searchers and the woman aside."""
    return {
        "kind": "pat_down",
        "trigger": "admission",
        "place": "Reception search room",
        "privacy": "Screened area",
        **overrides,
    }


def strip(governor, **overrides) -> dict:
    return pat_down(
        **{
            "kind": "strip",
            "trigger": "intelligence",
            "reason": "Information that she hid a package after the visit",
            "authorised_by": governor,
            "privacy": "Private room, door closed",
            **overrides,
        }
    )


def given(governor, woman, *, by, kind="strip", subject="woman", trigger="intelligence"):
    """The governor's authority for a strip (or body cavity) search of her: asked for by
    custody (`by`), given by the governor with her own sign-in."""
    from searches.services import confirm_search_authority, request_search_authority

    asked = request_search_authority(
        by=by,
        prisoner=woman,
        kind=kind,
        subject=subject,
        trigger=trigger,
        reason="Information that she hid a package after the visit",
    )
    return confirm_search_authority(by=governor, record=asked)


def child_with(mother, *, by, social=None, lives_with_mother=True) -> Child:
    """A child of hers on the register, recorded by reception (`by`); one living with her on a
    social worker's best-interests decision (Rule 49)."""
    fields = {} if lives_with_mother else {"location": "With her aunt", "custody": "relative"}
    if lives_with_mother:
        decide(social, mother)
    return record_child(
        by=by,
        mother=mother,
        given_names="Ploy",
        date_of_birth=date.today() - timedelta(days=500),
        lives_with_mother=lives_with_mother,
        **fields,
    )
