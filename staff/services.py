"""Staff account verbs: roles, facility assignments, recorded gender, training, credentials.

Nobody widens her own access or anyone's alone (QUALITY S13). A grant of a role or a facility,
a change of recorded gender (Rule 19) and a training record are requested by one person and
take effect only when a second confirms them (`AccessChange`): a governor of the facility
concerned, or another system administrator for the system administrator role. Until then they
change nothing: her groups, her facility permissions, `User.gender` and `TrainingRecord` are
written only by `confirm`. Taking a role or a facility away narrows access and takes effect at
once (audited).

`grant_confirmed` is the one trusted path, for management commands (set-up of a new
installation, demo data) and test factories: it refuses to run inside a web request.

Rule 33.1: whoever is posted to work with women prisoners has the training in their rights and
gender-specific needs. Posting someone without it to a facility warns the governor who
confirms it, or is refused (`POSTING_WITHOUT_WOMENS_TRAINING`), at the request, at the
confirmation (a training may have expired in between) and on the trusted path alike.
"""

from __future__ import annotations

import contextvars
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

import audit
from facilities.models import Facility
from facilities.scope import WORK_IN_FACILITY, facilities_of, staff_of

from .models import AccessChange, Course, Gender, TrainingRecord, User
from .roles import ROLES
from .signals import credentials_changed

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

Kind, Status = AccessChange.Kind, AccessChange.Status
SYSADMIN, GOVERNOR = "sysadmin", "governor"
# Confirmed by a governor of a facility the person works in or is being granted.
PERSONAL = (Kind.ROLE, Kind.GENDER, Kind.TRAINING)

# Set for the length of each web request by `staff.middleware.AccountGuardMiddleware`.
in_web_request = contextvars.ContextVar("in_web_request", default=False)


@transaction.atomic
def sync_roles() -> dict[str, int]:
    """Make one Group per role with exactly the role's permissions. Safe to run again."""
    counts = {}
    # Every permission read once (run after each `migrate`, and after each test that commits).
    every = {
        f"{perm.content_type.app_label}.{perm.codename}": perm
        for perm in Permission.objects.select_related("content_type")
    }
    for role in ROLES.values():
        group, _created = Group.objects.get_or_create(name=role.code)
        missing = sorted(set(role.permissions) - every.keys())
        if missing:
            raise Permission.DoesNotExist(f"Role {role.code}: no such permission {missing}")
        perms = [every[dotted] for dotted in role.permissions]
        group.permissions.set(perms)
        counts[role.code] = len(perms)
    return counts


# -- Refusals ----------------------------------------------------------------------------


def refuse_if_herself(*, by: User | None, user: User, what: str) -> None:
    """Nobody changes her own roles, facilities, recorded gender or training (S13)."""
    if by is not None and by.pk is not None and by.pk == user.pk:
        raise ValidationError(
            _(
                "You can't change your own %(what)s: another administrator requests the "
                "change and a governor confirms it."
            )
            % {"what": what}
        )


def _refuse_web() -> None:
    if in_web_request.get():
        raise RuntimeError("grant_confirmed is for management commands and tests only.")


# -- What is in effect --------------------------------------------------------------------


def _apply_role(user: User, role: str) -> None:
    user.groups.set([Group.objects.get(name=role)])
    user.is_staff = ROLES[role].manages_accounts
    user.save(update_fields=["is_staff"])
    user.__dict__.pop("role", None)


def _apply(change: AccessChange, *, by: User | None) -> None:
    user = change.subject
    if change.kind == Kind.ROLE:
        _apply_role(user, change.new_value)
    elif change.kind == Kind.FACILITY:
        assign_perm(WORK_IN_FACILITY, user, change.facility)
    elif change.kind == Kind.GENDER:
        user.gender = change.new_value
        user.save(update_fields=["gender"])
    else:
        # In effect from its confirmation; the trusted set-up of an installation records the
        # trainings staff already had, in effect from the day they were completed.
        in_effect_from = change.decided_at
        if change.trusted:
            in_effect_from = timezone.make_aware(
                # A training change names the day it was completed.
                datetime.combine(change.completed, datetime.min.time())  # type: ignore[arg-type]
            )
        # A decided change has decided_at; a training change names when it was completed.
        TrainingRecord.objects.create(  # type: ignore[misc]
            user=user,
            course=change.course,
            completed=change.completed,
            expires=change.expires,
            provider=change.provider,
            in_effect_from=in_effect_from,
            recorded_by=change.requested_by,
            confirmed_by=by,
        )


def _audit_entry(
    change: AccessChange, action: str, *, by: User | None = None, untrained: set | None = None
) -> dict:
    """The audit row of a change. `untrained`: the ids of those a posting puts to work without
    the Rule 33.1 training, read once for many changes (`posted_without_training_among`)."""
    detail = {"change": str(change.uuid), "kind": change.kind}
    if change.kind in (Kind.ROLE, Kind.GENDER):
        detail.update({"from": change.old_value, "to": change.new_value})
    elif change.kind == Kind.TRAINING:
        detail.update({"course": change.course, "completed": str(change.completed)})
    elif change.kind == Kind.FACILITY:
        if untrained is None:
            untrained = posted_without_training_among([change.subject])
        if change.subject_id in untrained:
            detail["without_training"] = "33.1"
    subject, facility = change.subject, change.facility
    return {"by": by, "action": action, "subject": subject, "facility": facility, "detail": detail}


def _audit(change: AccessChange, action: str, *, by: User | None) -> None:
    audit.record(**_audit_entry(change, action, by=by))


# -- Rule 33.1: trained to work with women prisoners ----------------------------------------


def has_womens_training(user: User, *, at: datetime | None = None) -> bool:
    """Whether a training in women's rights and gender-specific needs (Rule 33.1) is valid and
    in effect for her at `at` (now)."""
    return (
        TrainingRecord.objects.filter(user=user, course=Course.WOMENS_NEEDS)
        .lawful_for(at or timezone.now())
        .exists()
    )


def posted_without_training_among(users: Iterable[User]) -> set[int]:
    """The ids of those of `users` whom a posting puts to work with women prisoners without a
    valid Rule 33.1 training: her role (the one waiting for confirmation, if any) works with
    women, or she has none yet and may be given one that does. Three queries, however many."""
    ids = {user.pk for user in users}
    if not ids:
        return set()
    trained = TrainingRecord.objects.filter(user__in=ids, course=Course.WOMENS_NEEDS)
    ids -= set(trained.lawful_for(timezone.now()).values_list("user_id", flat=True))
    waiting = dict(
        AccessChange.objects.filter(
            subject__in=ids, kind=Kind.ROLE, status=Status.PENDING
        ).values_list("subject_id", "new_value")
    )
    current = dict(
        User.groups.through.objects.filter(user__in=ids, group__name__in=ROLES).values_list(
            "user_id", "group__name"
        )
    )
    return {
        pk
        for pk in ids
        if (role := ROLES.get(waiting.get(pk) or current.get(pk, ""))) is None
        or role.works_with_women
    }


def posted_without_training(user: User) -> bool:
    """Whether posting her to a facility puts someone without the Rule 33.1 training to work
    with women prisoners."""
    return user.pk in posted_without_training_among([user])


def untrained_message(user: User) -> str:
    return _(
        "%(name)s has no valid training in women's rights and gender-specific needs: staff "
        "working with women prisoners receive it (Rule 33.1)."
    ) % {"name": user.get_full_name() or user.username}


def check_posting(user: User, *, untrained: bool | None = None) -> bool:
    """Whether posting her needs the Rule 33.1 warning; refused, naming the rule, where this
    service refuses such postings (`POSTING_WITHOUT_WOMENS_TRAINING = "refuse"`). `untrained`
    is what a form already knows of her (the role it asks for, an account not yet made)."""
    if not (posted_without_training(user) if untrained is None else untrained):
        return False
    if settings.POSTING_WITHOUT_WOMENS_TRAINING == "refuse":
        # Read here: the API's error handling imports the sign-in, which imports this module.
        from bangkok.errors import RuleBroken

        raise RuleBroken(
            _(
                "%(name)s can't be posted to work with women prisoners before she has a valid "
                "training in their rights and gender-specific needs."
            )
            % {"name": user.get_full_name() or user.username},
            rule="33.1",
            field="facilities",
        )
    return True


# -- Requests -----------------------------------------------------------------------------


def _request(*, user: User, by: User, kind: str, what: str, **fields: Any) -> AccessChange:
    if by is None or not by.is_authenticated:
        raise ValidationError(_("A change of access is requested by a signed-in member of staff."))
    if user.is_superuser:
        raise ValidationError(_("This account can't be changed here."))
    if kind != Kind.TRAINING:
        same = AccessChange.objects.filter(
            status=Status.PENDING,
            subject=user,
            kind=kind,
            new_value=fields.get("new_value", ""),
            facility=fields.get("facility"),
        ).first()
        if same is not None:
            return same  # asked again: still the one change waiting
    refuse_if_herself(by=by, user=user, what=what)
    try:
        with transaction.atomic():
            change = AccessChange.objects.create(subject=user, requested_by=by, kind=kind, **fields)
    except IntegrityError as exc:
        raise ValidationError(
            _("A change like this one is already waiting for confirmation for her.")
        ) from exc
    _audit(change, "staff.change_requested", by=by)
    return change


@transaction.atomic
def request_role(*, user: User, role: str, by: User) -> AccessChange | None:
    """Ask for her role to become `role`; she keeps her current role until it is confirmed.
    None when she already has it."""
    if role not in ROLES:
        raise ValidationError(_("Choose a role from the list."))
    if user.role_code == role:
        return None
    return _request(
        user=user,
        by=by,
        kind=Kind.ROLE,
        what=_("role"),
        old_value=user.role_code,
        new_value=role,
    )


@transaction.atomic
def request_facility(*, user: User, facility: Facility, by: User) -> AccessChange | None:
    """Ask for her to work in `facility`. None when she already does."""
    if facilities_of(user).filter(pk=facility.pk).exists():
        return None
    check_posting(user)  # Rule 33.1
    return _request(user=user, by=by, kind=Kind.FACILITY, what=_("facilities"), facility=facility)


@transaction.atomic
def request_gender(*, user: User, gender: str, by: User) -> AccessChange | None:
    """Ask for her recorded gender to change (it decides who may search whom, Rule 19)."""
    if gender not in Gender.values:
        raise ValidationError(_("Choose a gender from the list."))
    if user.gender == gender:
        return None
    return _request(
        user=user,
        by=by,
        kind=Kind.GENDER,
        what=_("recorded gender"),
        old_value=user.gender,
        new_value=gender,
    )


def may_record_training_for(by: User) -> QuerySet[User]:
    """Whose training she may record: the staff of her facilities (anyone's, for the account
    manager), never her own."""
    people = User.objects.filter(is_active=True, is_superuser=False)
    if not (by.role and by.role.manages_accounts):
        people = people.filter(pk__in=staff_of(facilities_of(by)).values("pk"))
    return people.exclude(pk=by.pk).order_by("last_name", "first_name", "username")


@transaction.atomic
def record_training(
    *,
    user: User,
    course: str,
    completed: date,
    provider: str,
    by: User,
    expires: date | None = None,
) -> AccessChange:
    """The person who delivered or certified a training records it (naming the provider); a
    governor confirms it before it counts for anything (Rules 19, 21 searches among them)."""
    refuse_if_herself(by=by, user=user, what=_("training records"))
    if not may_record_training_for(by).filter(pk=user.pk).exists():
        raise ValidationError(_("You can record training only for the staff of your facilities."))
    errors = {}
    if course not in Course.values:
        errors["course"] = _("Choose a course from the list.")
    if not (provider or "").strip():
        errors["provider"] = _("Say who delivered or certified the training.")
    if completed > timezone.localdate():
        errors["completed"] = _("A training can't be completed in the future.")
    if expires is not None and expires <= completed:
        errors["expires"] = _("A training can't expire before it was completed.")
    if errors:
        raise ValidationError(errors)
    return _request(
        user=user,
        by=by,
        kind=Kind.TRAINING,
        what=_("training records"),
        course=course,
        completed=completed,
        expires=expires,
        provider=provider.strip(),
    )


# -- Taking access away (at once) --------------------------------------------------------


@transaction.atomic
def unassign_facility(*, user: User, facility: Facility, by: User | None = None) -> None:
    """She stops seeing the women of this facility, at once (narrowing needs no second
    person). Nobody takes her own facilities either: another administrator does."""
    refuse_if_herself(by=by, user=user, what=_("facilities"))
    remove_perm(WORK_IN_FACILITY, user, facility)
    audit.record(by=by, action="staff.facility_unassigned", subject=user, facility=facility)


@transaction.atomic
def remove_role(*, user: User, by: User | None = None) -> None:
    """She keeps no role, at once: she reads and does nothing until a new one is confirmed."""
    refuse_if_herself(by=by, user=user, what=_("role"))
    old = user.role_code
    user.groups.clear()
    user.is_staff = False
    user.save(update_fields=["is_staff"])
    user.__dict__.pop("role", None)
    audit.record(by=by, action="staff.role_removed", subject=user, detail={"role": old})


@transaction.atomic
def request_access(
    *,
    user: User,
    by: User,
    role: str | None = None,
    facilities: Iterable[Facility] | None = None,
    gender: str | None = None,
) -> list:
    """What the account form asks for, in one go: a new role, gender and facilities are
    requested (asking again for what already waits asks for nothing new); an empty role and
    facilities left out are taken away at once. Refused as a whole, with nothing written,
    when `by` is `user` and anything would change."""
    wanted = None if facilities is None else set(facilities)
    current = set(facilities_of(user))
    made = []
    if role == "" and user.role_code:
        remove_role(user=user, by=by)
    elif role:
        made.append(request_role(user=user, role=role, by=by))
    if gender is not None:
        made.append(request_gender(user=user, gender=gender, by=by))
    if wanted is not None:
        for facility in sorted(wanted - current, key=lambda f: f.pk):
            made.append(request_facility(user=user, facility=facility, by=by))
        for facility in current - wanted:
            unassign_facility(user=user, facility=facility, by=by)
    return [change for change in made if change is not None]


# -- Decisions ----------------------------------------------------------------------------


def changes_awaiting(user: User) -> QuerySet[AccessChange]:
    """The pending changes she may confirm or refuse: for a governor, facility grants to her
    facilities and role, gender and training changes of people who work in or are being
    granted one of them (the system administrator role excepted); for a system
    administrator, grants of that role. Never her own, nor one she requested."""
    pending = AccessChange.objects.filter(status=Status.PENDING)
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return pending.none()
    role = user.role_code
    allowed = Q(pk__in=[])
    if role == SYSADMIN:
        allowed |= Q(kind=Kind.ROLE, new_value=SYSADMIN)
    elif role == GOVERNOR:
        mine = facilities_of(user)
        being_granted = AccessChange.objects.filter(
            status=Status.PENDING, kind=Kind.FACILITY, facility__in=mine
        ).values("subject")
        allowed |= Q(kind=Kind.FACILITY, facility__in=mine)
        allowed |= (
            Q(kind__in=PERSONAL)
            & ~Q(kind=Kind.ROLE, new_value=SYSADMIN)
            & (Q(subject__in=staff_of(mine).values("pk")) | Q(subject__in=being_granted))
        )
    return (
        pending.filter(allowed)
        .exclude(subject=user)
        .exclude(requested_by=user)
        .select_related("subject", "requested_by", "facility")
    )


def changes_about(user: User) -> QuerySet[AccessChange]:
    """The pending changes she asked for or that concern her: she sees they wait."""
    return (
        AccessChange.objects.filter(status=Status.PENDING)
        .filter(Q(subject=user) | Q(requested_by=user))
        .select_related("subject", "requested_by", "facility")
    )


# An administrator who reset someone's password or two-factor sign-in may have signed in as
# her; for this long that person never decides a change the administrator requested.
SIGN_IN_RESETS = ("staff.password_reset", "signin.two_factor_reset")


def _sign_in_reset_by(requester_id: int | None, decider: User) -> bool:
    """Whether `requester_id` reset the decider's sign-in within ACCESS_RESET_QUARANTINE_DAYS."""
    from audit.models import AuditEvent

    since = timezone.now() - timedelta(days=settings.ACCESS_RESET_QUARANTINE_DAYS)
    return AuditEvent.objects.filter(
        actor_id=requester_id,
        action__in=SIGN_IN_RESETS,
        subject_type=decider._meta.label_lower,
        subject_id=str(getattr(decider, "uuid", None) or decider.pk),
        at__gte=since,
    ).exists()


def _decidable(change: AccessChange, by: User) -> AccessChange:
    """The change, locked, if `by` may decide it now; else a clear refusal."""
    locked = AccessChange.objects.select_for_update().select_related("subject").get(pk=change.pk)
    if locked.status != Status.PENDING:
        raise ValidationError(_("This change has already been decided."))
    if by.pk == locked.subject_id:
        raise ValidationError(_("Nobody confirms or refuses a change of her own access."))
    if by.pk == locked.requested_by_id:
        raise ValidationError(
            _("A change is confirmed or refused by someone other than who requested it.")
        )
    if _sign_in_reset_by(locked.requested_by_id, by):
        raise ValidationError(
            _(
                "Your password or two-factor sign-in was reset by the person who requested "
                "this change: another governor confirms or refuses it."
            )
        )
    if not changes_awaiting(by).filter(pk=locked.pk).exists():
        raise ValidationError(
            _(
                "Only a governor of the facility concerned (another system administrator for "
                "the system administrator role) confirms or refuses this change."
            )
        )
    return locked


@transaction.atomic
def confirm(*, change: AccessChange, by: User) -> AccessChange:
    """The second person agrees: the change takes effect now."""
    change = _decidable(change, by)
    if change.kind == Kind.FACILITY:
        check_posting(change.subject)  # Rule 33.1, as it stands now
    change.status, change.decided_by, change.decided_at = Status.CONFIRMED, by, timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
    _apply(change, by=by)
    _audit(change, "staff.change_confirmed", by=by)
    return change


@transaction.atomic
def refuse(*, change: AccessChange, by: User, reason: str = "") -> AccessChange:
    """The second person refuses: nothing changes, and the refusal is kept with her name."""
    change = _decidable(change, by)
    change.status, change.decided_by, change.decided_at = Status.REFUSED, by, timezone.now()
    change.reason = (reason or "").strip()
    change.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    _audit(change, "staff.change_refused", by=by)
    return change


# -- The trusted path ---------------------------------------------------------------------


@transaction.atomic
def grant_confirmed(
    *,
    user: User,
    role: str | None = None,
    facilities: Iterable[Facility] = (),
    gender: str | None = None,
    trainings: Iterable[dict] = (),
    reason: str = "set-up",
) -> list[AccessChange]:
    """Grant at once, without a second person: for management commands (a new installation's
    first accounts, demo data) and test factories only. Refused inside a web request. Each
    grant is kept as a confirmed, trusted `AccessChange` and audited.

    `trainings` are dicts of course, completed and optionally expires and provider."""
    _refuse_web()
    now = timezone.now()
    specs: list[dict] = []
    if role is not None:
        if role not in ROLES:
            raise ValueError(f"Unknown role {role!r}")
        specs.append({"kind": Kind.ROLE, "old_value": user.role_code, "new_value": role})
    for facility in facilities:
        specs.append({"kind": Kind.FACILITY, "facility": facility})
    if gender is not None:
        specs.append({"kind": Kind.GENDER, "old_value": user.gender, "new_value": gender})
    for training in trainings:
        specs.append({"kind": Kind.TRAINING, "provider": "", **training})
    made = []
    for spec in specs:
        change = AccessChange.objects.create(
            subject=user,
            status=Status.CONFIRMED,
            decided_at=now,
            trusted=True,
            reason=reason,
            **spec,
        )
        _apply(change, by=None)
        made.append(change)
    if any(change.kind == Kind.FACILITY for change in made):
        check_posting(user)  # Rule 33.1, with the trainings given with it
    for change in made:
        _audit(change, "staff.change_granted_by_set_up", by=None)
    return made


def grant_confirmed_to_new(*, grants: Iterable[dict], reason: str = "set-up") -> list[AccessChange]:
    """`grant_confirmed` for many accounts just made, in a few statements: `grants` are
    (user, role, facilities). The same confirmed, trusted changes, grants and audit rows."""
    _refuse_web()
    users = [user for user, _role, _facilities in grants]
    if User.groups.through.objects.filter(user__in=users).exists():
        raise ValueError("grant_confirmed_to_new is for accounts that have no role yet")
    now = timezone.now()
    changes = []
    for user, role, facilities in grants:
        if role not in ROLES:
            raise ValueError(f"Unknown role {role!r}")
        confirmed = {"subject": user, "status": Status.CONFIRMED, "decided_at": now}
        confirmed.update(trusted=True, reason=reason)
        changes.append(AccessChange(kind=Kind.ROLE, old_value="", new_value=role, **confirmed))
        changes += [AccessChange(kind=Kind.FACILITY, facility=f, **confirmed) for f in facilities]
    if settings.POSTING_WITHOUT_WOMENS_TRAINING == "refuse":
        for user, role, facilities in grants:  # Rule 33.1: accounts just made hold no training
            if facilities and ROLES[role].works_with_women and not has_womens_training(user):
                check_posting(user)
    AccessChange.objects.bulk_create(changes)
    groups = dict(Group.objects.filter(name__in=ROLES).values_list("name", "pk"))
    User.groups.through.objects.bulk_create(
        [User.groups.through(user=user, group_id=groups[role]) for user, role, _f in grants]
    )
    managers = [user.pk for user, role, _f in grants if ROLES[role].manages_accounts]
    User.objects.filter(pk__in=managers).update(is_staff=True)
    facility_changes = [change for change in changes if change.kind == Kind.FACILITY]
    if facility_changes:
        from guardian.models import UserObjectPermission
        from guardian.shortcuts import get_content_type

        app_label, codename = WORK_IN_FACILITY.split(".")
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        content_type = get_content_type(Facility)
        UserObjectPermission.objects.bulk_create(
            [
                UserObjectPermission(
                    user=change.subject,
                    permission=permission,
                    content_type=content_type,
                    # A facility change names its facility.
                    object_pk=str(change.facility.pk),  # type: ignore[union-attr]
                )
                for change in facility_changes
            ]
        )
    for user in users:
        user.__dict__.pop("role", None)
        user.is_staff = user.pk in managers
    untrained = posted_without_training_among(change.subject for change in facility_changes)
    audit.record_many(
        [
            _audit_entry(change, "staff.change_granted_by_set_up", untrained=untrained)
            for change in changes
        ]
    )
    return changes


# -- Credentials --------------------------------------------------------------------------


def end_sessions(user: User, *, keep: str | None = None) -> int:
    """Delete every session she is signed in with but `keep` (database sessions); returns how
    many ended."""
    keys = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
        and session.session_key != keep
    ]
    Session.objects.filter(session_key__in=keys).delete()
    return len(keys)


def _credentials_gone(user: User, reason: str, *, keep_session: str | None = None) -> None:
    """Whatever proved who she was stops working: her sessions (but `keep_session`) and API
    tokens now, and `credentials_changed` tells other areas once the change commits."""
    end_sessions(user, keep=keep_session)
    transaction.on_commit(lambda: credentials_changed.send(sender=User, user=user, reason=reason))


@transaction.atomic
def reset_password(*, user: User, password: str | None, by: User) -> User:
    """An administrator sets a new password for her: she must choose her own at her next
    sign-in, and every session and API token she had ends."""
    if by is not None and by.pk == user.pk:
        raise ValidationError(_("Change your own password on your password page."))
    if user.is_superuser:
        raise ValidationError(_("This account can't be changed here."))
    if password is None:
        user.set_unusable_password()  # password sign-in disabled for her
    else:
        user.set_password(password)
    user.must_change_password = password is not None
    user.save(update_fields=["password", "must_change_password"])
    audit.record(by=by, action="staff.password_reset", subject=user)
    _credentials_gone(user, "reset")
    return user


@transaction.atomic
def change_own_password(*, user: User, password: str, keep_session: str | None = None) -> User:
    """She sets her own password: her other sessions and her API tokens end."""
    user.set_password(password)
    user.save(update_fields=["password"])
    return password_changed(user=user, keep_session=keep_session)


@transaction.atomic
def password_changed(*, user: User, keep_session: str | None = None) -> User:
    """After she set her own password (here or on the admin's own form): no reset pending,
    her other sessions and API tokens end, and other areas are told."""
    user.must_change_password = False
    user.save(update_fields=["must_change_password"])
    audit.record(by=user, action="staff.password_changed", subject=user)
    _credentials_gone(user, "password", keep_session=keep_session)
    return user


@transaction.atomic
def deactivate(*, user: User, by: User) -> User:
    """Her account stops working at once: sessions and tokens end (accounts are never
    deleted)."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit.record(by=by, action="staff.deactivated", subject=user)
    _credentials_gone(user, "deactivated")
    return user


@transaction.atomic
def reactivate(*, user: User, by: User) -> User:
    refuse_if_herself(by=by, user=user, what=_("account status"))
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit.record(by=by, action="staff.reactivated", subject=user)
    return user
