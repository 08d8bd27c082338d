"""Recording searches (Bangkok Rules 19-21; Mandela Rules 50-52).

Every search is refused, with nothing written, unless the people named may do it: a woman is
searched only by women staff trained in searching methods (Rule 19), a child only by staff
trained to search children (Rule 21), a body cavity search only by a health professional
(Mandela Rule 52). A strip or body cavity search needs an individual reason and the authority
the governor gave for it, with her own sign-in, before it was done (Mandela Rule 51), and,
where a scanner was available, why the scan would not do (Rule 20).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

import audit
from authority.models import AuthorityState
from authority.registry import Authority
from authority.services import seek, sought, verbs_for
from bangkok import late
from bangkok.errors import RuleBroken
from bangkok.plausible import check_after_arrest
from complaints.services import hold_if_protected
from facilities.models import Facility
from facilities.scope import facilities_of, staff_of
from staff.models import Course, Gender, TrainingRecord

from ..models import (
    INVASIVE_KINDS,
    PERSON_SUBJECTS,
    PERSONAL_KINDS,
    Kind,
    Part,
    Search,
    SearchAuthorisation,
    SearchStaff,
    Subject,
    Trigger,
)
from ..permissions import AUTHORISE, RECORD

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from django.db.models import QuerySet

    from prisoners.models import Prisoner, Unit
    from register.models import Child
    from staff.models import User

HEALTH_ROLE = "health"


def name_of(user: User) -> str:
    return user.get_full_name() or user.username


@transaction.atomic
def record_search(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    trigger: str,
    searchers: Iterable[User],
    place: str,
    subject: str = Subject.WOMAN,
    child: Child | None = None,
    visiting_child_name: str = "",
    visiting_child_age: int | None = None,
    witnesses: Iterable[User] = (),
    searched_at: datetime | None = None,
    reason: str = "",
    authorised_by: User | None = None,
    authorisation: SearchAuthorisation | None = None,
    privacy: str = "",
    found: str = "",
    scanner_available: bool = False,
    why_not_scanner: str = "",
    late_reason: str = "",
) -> Search:
    """Record a personal search of her, of her child living with her, or of a child visiting
    her (Rules 19-21; Mandela Rules 50-52). Refused under the Rule it breaks, nothing written.
    A strip or body cavity search is done on an `authorisation` the governor gave before it
    (or the one `authorised_by` gave); custody naming her is no authority. A search recorded
    late says why (`bangkok.late`) and is judged on the staff as they were then and as
    recorded since."""
    _require_recorder(by, prisoner.facility)
    search = Search(
        facility=prisoner.facility,
        prisoner=prisoner,
        subject=subject,
        kind=kind,
        trigger=trigger,
        child=child,
        visiting_child_name=visiting_child_name.strip(),
        visiting_child_age=visiting_child_age,
        searched_at=searched_at or timezone.now(),
        reason=reason.strip(),
        authorised_by=authorised_by,
        place=place.strip(),
        privacy=privacy.strip(),
        found=found.strip(),
        scanner_available=scanner_available,
        why_not_scanner=why_not_scanner.strip(),
        late_reason=late_reason,
        recorded_by=by,
    )
    _check_subject(search)
    people = _staff(search, searchers, witnesses)
    check_searchers(search, people[Part.SEARCHER])
    check_invasive(search, authorisation=authorisation)
    return _save(search, people, by=by)


@transaction.atomic
def record_cell_search(
    *,
    by: User,
    unit: Unit,
    cell: str,
    trigger: str,
    searchers: Iterable[User],
    witnesses: Iterable[User] = (),
    searched_at: datetime | None = None,
    reason: str = "",
    found: str = "",
    late_reason: str = "",
) -> Search:
    """Record the search of a cell: no one's body is searched, so Rules 19-21 don't bind who
    searches; the record still says who, why and what was found."""
    _require_recorder(by, unit.facility)
    search = Search(
        facility=unit.facility,
        subject=Subject.CELL,
        kind=Kind.CELL,
        trigger=trigger,
        unit=unit,
        cell=cell.strip(),
        searched_at=searched_at or timezone.now(),
        reason=reason.strip(),
        found=found.strip(),
        late_reason=late_reason,
        recorded_by=by,
    )
    _check_time(search)
    return _save(search, _staff(search, searchers, witnesses), by=by)


def _require_recorder(by: User, facility: Facility) -> None:
    if not by.has_perm(RECORD):
        raise PermissionDenied(_("Your role can't record searches."))
    if not facilities_of(by).filter(pk=facility.pk).exists():
        raise PermissionDenied(_("You don't work in this facility."))


def _check_time(search: Search) -> None:
    if search.searched_at > timezone.now() + timedelta(minutes=5):
        raise ValidationError({"searched_at": _("A search is recorded once it has been done.")})
    if search.prisoner_id:
        check_after_arrest(search.prisoner, search.searched_at, "searched_at")
    search.late_reason = late.late_reason(search.searched_at, search.late_reason)


def _check_subject(search: Search) -> None:
    """The kind fits a person, and the child searched is one living with her."""
    _check_time(search)
    if search.subject == Subject.CELL or search.kind not in PERSONAL_KINDS:
        raise ValidationError({"kind": _("Record a cell search as a cell search.")})
    child = search.child
    if search.subject == Subject.CHILD_IN_PRISON and (
        child is None or child.mother_id != search.prisoner_id or not child.lives_with_mother
    ):
        raise ValidationError({"child": _("Choose one of her children living with her.")})
    if search.is_invasive and not search.privacy:
        raise ValidationError(
            {"privacy": _("Say how her privacy and dignity were kept (Rule 19).")}
        )


def _staff(search: Search, searchers: Iterable[User], witnesses: Iterable[User]) -> dict:
    """The searching and witnessing staff: at least one searcher, none twice, all of them
    staff of the facility (whoever a client sends)."""
    searchers, witnesses = list(dict.fromkeys(searchers)), list(dict.fromkeys(witnesses))
    if not searchers:
        raise ValidationError({"searchers": _("Name who carried out the search.")})
    if set(searchers) & set(witnesses):
        raise ValidationError({"witnesses": _("A witness is someone other than the searchers.")})
    named = {user.pk for user in searchers + witnesses}
    facility = Facility.objects.filter(pk=search.facility_id)
    here = set(staff_of(facility).filter(pk__in=named).values_list("pk", flat=True))
    strangers = [name_of(u) for u in searchers + witnesses if u.pk not in here]
    if strangers:
        raise ValidationError(
            {
                "searchers": _("Not staff of this facility: %(names)s.")
                % {"names": ", ".join(strangers)}
            }
        )
    return {Part.SEARCHER: searchers, Part.WITNESS: witnesses}


def check_searchers(search: Search, searchers: list) -> None:
    """Rule 19 for a woman, Rule 21 for a child; Mandela Rule 52 for a body cavity search.
    Judged at the moment of the search: each searcher a woman then and as recorded since, her
    training valid that day and confirmed before the search (a training confirmed later,
    whatever day it says it was completed, never makes an earlier search lawful)."""
    at = search.searched_at
    if search.subject == Subject.WOMAN:
        problems = _unqualified(searchers, Course.SEARCH_METHODS, at, women_only=True)
        if problems:
            raise RuleBroken(
                _(
                    "A personal search of a woman is carried out only by women staff trained in "
                    "searching methods: %(problems)s."
                )
                % {"problems": "; ".join(problems)},
                rule="19",
                field="searchers",
            )
    else:
        problems = _unqualified(searchers, Course.CHILD_SEARCHES, at, women_only=False)
        if problems:
            raise RuleBroken(
                _("A child is searched only by staff trained to search children: %(problems)s.")
                % {"problems": "; ".join(problems)},
                rule="21",
                field="searchers",
            )
    if search.kind == Kind.BODY_CAVITY:
        problems = [name_of(user) for user in searchers if user.role_code != HEALTH_ROLE]
        if problems:
            raise RuleBroken(
                _(
                    "A body cavity search is carried out only by a health professional; not "
                    "health staff: %(problems)s."
                )
                % {"problems": "; ".join(problems)},
                rule="M52",
                field="searchers",
            )


def searchers_offered(
    staff: QuerySet[User], *, subject: str, kind: str | None, at: datetime | None = None
) -> tuple[QuerySet[User], list[str]]:
    """Of `staff`, who may carry out this search now, and why the others may not, counted in
    words without naming them ("3 staff not shown: no valid training in searching
    methods"): the page offers only the first, the service judges whoever is posted
    (`check_searchers`, which reads gender as recorded since and training as confirmed by
    then)."""
    at = at or timezone.now()
    woman = subject == Subject.WOMAN
    course = Course.SEARCH_METHODS if woman else Course.CHILD_SEARCHES
    trained = TrainingRecord.objects.lawful_for(at).filter(course=course).values("user_id")
    everyone = staff.order_by()
    steps: list[tuple[QuerySet[User], str]] = []
    if woman:
        steps.append(
            (
                everyone.filter(gender=Gender.WOMAN),
                _("not recorded as women (Rule 19)"),
            )
        )
    steps.append(
        (
            everyone.filter(pk__in=trained),
            _("no valid training in %(course)s") % {"course": Course(course).label},
        )
    )
    if kind == Kind.BODY_CAVITY:
        steps.append(
            (
                everyone.filter(groups__name=HEALTH_ROLE),
                _("not health staff (Mandela Rule 52)"),
            )
        )
    offered, missing = staff, []
    count = staff.count()
    for allowed, why in steps:
        offered = offered.filter(pk__in=allowed.values("pk"))
        left = offered.count()
        if left < count:
            missing.append(
                ngettext(
                    "%(n)s staff member not shown: %(why)s.",
                    "%(n)s staff not shown: %(why)s.",
                    count - left,
                )
                % {"n": count - left, "why": why}
            )
        count = left
    return offered, missing


def _unqualified(searchers: list, course: str, at: datetime, *, women_only: bool) -> list[str]:
    """Why each searcher who may not search does not qualify, in words."""
    trained = set(
        TrainingRecord.objects.lawful_for(at)
        .filter(course=course, user__in=searchers)
        .values_list("user_id", flat=True)
    )
    course_name = Course(course).label
    when = formats.date_format(timezone.localdate(at), "DATE_FORMAT")
    problems = []
    for user in searchers:
        genders = late.genders_since(user, at) if women_only else set()
        if Gender.MAN in genders:
            problems.append(_("%(name)s is a man") % {"name": name_of(user)})
        elif genders - {Gender.WOMAN}:
            problems.append(_("%(name)s is not recorded as a woman") % {"name": name_of(user)})
        elif user.pk not in trained:
            problems.append(
                _(
                    "%(name)s has no valid training in %(course)s on %(day)s, confirmed "
                    "before the search"
                )
                % {"name": name_of(user), "course": course_name, "day": when}
            )
    return problems


def check_invasive(search: Search, *, authorisation: SearchAuthorisation | None = None) -> None:
    """Mandela Rule 51 (an individual reason, the governor's authority given before it) and
    Bangkok Rule 20 (why the scan would not do) for a strip or body cavity search."""
    if not search.is_invasive:
        return
    if not search.reason:
        if search.trigger == Trigger.RANDOM:
            message = _(
                "A random or routine strip or body cavity search is a blanket search: it is "
                "carried out only for an individual reason about her, written here."
            )
        else:
            message = _("A strip or body cavity search needs an individual reason about her.")
        raise RuleBroken(message, rule="M51", field="reason")
    if search.scanner_available and not search.why_not_scanner:
        raise RuleBroken(
            _("A scanner was available: say why the scan would not do."),
            rule="20",
            field="why_not_scanner",
        )
    given = _authority_given(search, authorisation)
    search.authorisation = given
    search.authorised_by = given.authorised_by


def _authority_given(
    search: Search, authorisation: SearchAuthorisation | None
) -> SearchAuthorisation:
    """The governor's authority this search is done on (Mandela 51): given for her, for this
    kind of search, before it was done, and not used by another search. Whoever records it
    may name the authority or the governor who gave it; naming a governor is no authority:
    a search claimed as authorised, backdated or not, is refused unless she gave it first.
    Locked, so two searches can't use one authority."""
    given = (
        SearchAuthorisation.objects.select_for_update(of=("self",))
        .select_related("authorised_by")
        .filter(
            prisoner=search.prisoner,
            subject=search.subject,
            kind=search.kind,
            authority=AuthorityState.CONFIRMED,
            search__isnull=True,
        )
    )
    if authorisation is not None:
        given = given.filter(pk=authorisation.pk)
    if search.authorised_by is not None:
        given = given.filter(authorised_by=search.authorised_by)
    found = (
        given.filter(authority_decided_at__lte=search.searched_at)
        .order_by("authority_decided_at", "id")
        .first()
    )
    if found is not None and Search.objects.filter(authorisation=found).exists():
        # Used by a search committed while this one waited for the lock.
        found = None
    if found is None:
        raise RuleBroken(
            _(
                "No authority of the governor for this search of her was given before it: ask "
                "for her authority, and carry out the search once she has given it (Mandela "
                "Rule 51). Nothing was recorded."
            ),
            rule="M51",
            field="authorisation",
        )
    return found


def may_authorise(user: User, facility: Facility) -> bool:
    return (
        user.is_active
        and user.has_perm(AUTHORISE)
        and facilities_of(user).filter(pk=facility.pk).exists()
    )


# Asking for the governor's authority


@transaction.atomic
def request_search_authority(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    trigger: str,
    reason: str,
    subject: str = Subject.WOMAN,
    sought_from: User | None = None,
) -> SearchAuthorisation:
    """Ask the governor (`sought_from`, or any governor of her facility) for her authority for
    a strip or body cavity search of her, for an individual reason (Mandela Rule 51). It is
    recorded as awaiting authority; the search may be carried out only once she gives it.
    While she is protected after a report, her authority waits for both reviews (Rules 7.3,
    25.1), and a review that stops it refuses it."""
    _require_recorder(by, prisoner.facility)
    if kind not in INVASIVE_KINDS:
        raise ValidationError(
            {"kind": _("Only a strip or body cavity search needs the governor's authority.")}
        )
    if subject not in PERSON_SUBJECTS:
        raise ValidationError({"subject": _("Say who is to be searched.")})
    reason = reason.strip()
    if not reason:
        raise RuleBroken(
            _("A strip or body cavity search needs an individual reason about her."),
            rule="M51",
            field="reason",
        )
    asked = SearchAuthorisation(
        facility=prisoner.facility,
        prisoner=prisoner,
        subject=subject,
        kind=kind,
        trigger=trigger,
        reason=reason,
    )
    seek(AREA, asked, by=by, sought_from=sought_from)
    asked.full_clean()
    asked.save()
    sought(AREA, asked, by=by)
    # Asked for after her report, it awaits the governor's authority as for any woman, and
    # that authority waits for both reviews too (Rules 7.3, 25.1).
    hold_if_protected(
        by=by,
        prisoner=prisoner,
        kind=kind,
        # Its reason is for those who read searches; reviewers see what and why in kind.
        summary=_lazy("%(kind)s (%(trigger)s)"),
        summary_params={"kind": Kind(asked.kind).label, "trigger": Trigger(asked.trigger).label},
        params={"authorisation": str(asked.uuid)},
        record=asked,
    )
    return asked


def _describe(asked: SearchAuthorisation) -> str:
    return _("%(kind)s (%(trigger)s): %(reason)s") % {
        "kind": asked.get_kind_display(),
        "trigger": asked.get_trigger_display(),
        "reason": asked.reason,
    }


AREA = Authority(
    key="searches",
    model=SearchAuthorisation,
    perm=AUTHORISE,
    title=_lazy("a strip or body cavity search"),
    rule="M51",
    describe=_describe,
    url=lambda asked: reverse("prisoners:detail", kwargs={"uuid": asked.prisoner.uuid}),
    order=300,
)
confirm_search_authority, refuse_search_authority = verbs_for(AREA.key)


def authorities_of(prisoner: Prisoner) -> QuerySet[SearchAuthorisation]:
    """Her search authorities not yet used by a search, newest first: awaited, given or
    refused."""
    return (
        prisoner.search_authorisations.filter(search__isnull=True)
        .select_related("authorised_by", "authority_refused_by", "authority_requested_by")
        .select_related("authority_sought_from")
    )


def _save(search: Search, people: dict, *, by: User) -> Search:
    search.full_clean()
    search.save()
    SearchStaff.objects.bulk_create(
        SearchStaff(search=search, person=user, part=part, gender=user.gender, role=user.role_code)
        for part, users in people.items()
        for user in users
    )
    audit.record(
        by=by,
        action="search.recorded",
        subject=search,
        facility=search.facility,
        detail={"kind": search.kind, "subject": search.subject, "trigger": search.trigger},
    )
    return search


# Reading


def with_staff(searches: QuerySet[Search]) -> QuerySet[Search]:
    """Searches with their staff, in a fixed number of queries however many there are."""
    return searches.select_related(
        "facility", "prisoner", "unit", "child", "authorised_by", "authorisation", "recorded_by"
    ).prefetch_related(Prefetch("staff", SearchStaff.objects.select_related("person")))
