"""Who is due for preventive screening under the community policy (Rule 18): the pure
function, at the boundaries of ages and intervals."""

from datetime import date

import pytest

from health.services.preventive import (
    BREAST,
    CERVICAL,
    USPSTF,
    WHO,
    Last,
    current_policy,
    due_screenings,
)

pytestmark = pytest.mark.rule("18")

TODAY = date(2026, 6, 15)


def born(age: int, days_to_birthday: int = 0) -> date:
    """A date of birth giving `age` today; with `days_to_birthday`, she turns age+1 that
    many days from today."""
    if days_to_birthday:
        from datetime import timedelta

        turn = TODAY + timedelta(days=days_to_birthday)
        return turn.replace(year=turn.year - age - 1)
    return TODAY.replace(year=TODAY.year - age)


def due(dob, policy=WHO, hiv=False, last=None, today=TODAY):
    return {
        d.programme: d
        for d in due_screenings(
            date_of_birth=dob, hiv_positive=hiv, last=last or {}, today=today, policy=policy
        )
    }


def test_who_cervical_starts_at_30_for_the_general_population():
    # 29, turning 30 in ten days: due on her 30th birthday, not before.
    result = due(born(29, days_to_birthday=10))
    assert result[CERVICAL].due_on == date(2026, 6, 25)
    # 30 today: due today.
    assert due(born(30))[CERVICAL].due_on == TODAY


def test_who_cervical_starts_at_25_every_3_years_for_women_living_with_hiv():
    assert due(born(25), hiv=True)[CERVICAL].due_on == TODAY
    assert due(born(25))[CERVICAL].due_on == date(2031, 6, 15)  # general: from 30
    last = {CERVICAL: Last(on=date(2025, 1, 10), kind="hpv")}
    assert due(born(40), hiv=True, last=last)[CERVICAL].due_on == date(2028, 1, 10)
    assert due(born(40), hiv=False, last=last)[CERVICAL].due_on == date(2030, 1, 10)


def test_who_breast_50_to_69_every_2_years():
    assert due(born(49, days_to_birthday=1))[BREAST].due_on == date(2026, 6, 16)
    assert due(born(50))[BREAST].due_on == TODAY
    last = {BREAST: Last(on=date(2025, 6, 15), kind="mammography")}
    assert due(born(60), last=last)[BREAST].due_on == date(2027, 6, 15)


def test_nothing_after_the_upper_age():
    # 69 and screened last year: the next (at 70) is past the band, so nothing.
    last = {BREAST: Last(on=date(2025, 6, 15), kind="mammography")}
    assert BREAST not in due(born(69), last=last)
    # 70 and never screened: nothing either.
    assert BREAST not in due(born(70))
    # 69 and never screened: due now.
    assert due(born(69))[BREAST].due_on == TODAY


def test_uspstf_cervical_ages_and_intervals():
    assert due(born(20, days_to_birthday=5), policy=USPSTF)[CERVICAL].due_on == date(2026, 6, 20)
    cytology = {CERVICAL: Last(on=date(2024, 3, 1), kind="cervical_cytology")}
    assert due(born(24), policy=USPSTF, last=cytology)[CERVICAL].due_on == date(2027, 3, 1)
    hpv = {CERVICAL: Last(on=date(2024, 3, 1), kind="hpv")}
    assert due(born(40), policy=USPSTF, last=hpv)[CERVICAL].due_on == date(2029, 3, 1)
    cotest = {CERVICAL: Last(on=date(2024, 3, 1), kind="cotest")}
    assert due(born(40), policy=USPSTF, last=cotest)[CERVICAL].due_on == date(2029, 3, 1)
    cyto_40 = {CERVICAL: Last(on=date(2024, 3, 1), kind="cervical_cytology")}
    assert due(born(40), policy=USPSTF, last=cyto_40)[CERVICAL].due_on == date(2027, 3, 1)
    # Past 65: no routine screening.
    assert CERVICAL not in due(born(66), policy=USPSTF)
    assert due(born(65), policy=USPSTF)[CERVICAL].due_on == TODAY


def test_uspstf_breast_40_to_74():
    assert due(born(40), policy=USPSTF)[BREAST].due_on == TODAY
    assert due(born(39), policy=USPSTF)[BREAST].due_on == date(2027, 6, 15)
    assert BREAST not in due(born(75), policy=USPSTF)


@pytest.mark.rule("8")
def test_declined_is_offered_again_at_the_next_interval_not_before():
    declined = {CERVICAL: Last(on=date(2026, 1, 10), kind="hpv", declined=True)}
    result = due(born(35), last=declined)
    assert result[CERVICAL].due_on == date(2031, 1, 10)
    assert "declined" in result[CERVICAL].reason
    # The day before the interval ends she is not yet due; on the day she is.
    assert due(born(35), last=declined, today=date(2031, 1, 9))[CERVICAL].due_on > date(2031, 1, 9)
    # Declined under USPSTF at 25: offered again after the primary interval of 3 years.
    declined_25 = {CERVICAL: Last(on=date(2026, 1, 10), kind="cervical_cytology", declined=True)}
    assert due(born(25), policy=USPSTF, last=declined_25)[CERVICAL].due_on == date(2029, 1, 10)


def test_overdue_keeps_its_date_and_says_so():
    last = {CERVICAL: Last(on=date(2015, 2, 1), kind="hpv")}
    result = due(born(45), last=last)
    assert result[CERVICAL].due_on == date(2020, 2, 1)
    assert "Overdue" in result[CERVICAL].reason


def test_a_test_before_the_starting_age_still_waits_for_it():
    # WHO general: a test at 29 and the next is due at the interval, after her 30th birthday;
    # one declined the week before she was eligible waits for the interval too.
    last = {CERVICAL: Last(on=date(2025, 6, 15), kind="hpv")}
    assert due(born(30), last=last)[CERVICAL].due_on == date(2030, 6, 15)
    # Never screened at 29 years and 364 days: due the next day, on her birthday.
    assert due(born(29, days_to_birthday=1))[CERVICAL].due_on == date(2026, 6, 16)


def test_born_on_29_february():
    result = due(date(1996, 2, 29), today=date(2026, 1, 1))
    assert result[CERVICAL].due_on == date(2026, 3, 1)


def test_the_policy_is_chosen_by_setting(settings):
    assert current_policy() is WHO
    settings.PREVENTIVE_POLICY = "uspstf"
    assert current_policy() is USPSTF
    settings.PREVENTIVE_POLICY = "nowhere"
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        current_policy()
