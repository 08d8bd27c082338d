"""Where the women of a facility live, overseen (Rules 49, 51.2; Mandela 11): the women living
now on a unit the Rules don't allow them, however it came about (a move refused at every door
leaves none, but a girl's eighteenth birthday, a sentence that makes an untried woman convicted
or a child who comes to live with her does, until she is moved). Computed from the records
themselves, each case with what is wrong, never why she is protected."""

from django.db.models import Exists, F, Max, Min, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oversight.registry import MustBeZero, Row

from .models import (
    CustodyStatus,
    Prisoner,
    ProtectionFlags,
    Unit,
    juvenile_q,
    legal_group_of,
)
from .services import KEPT_APART, SUITED_TO_CHILDREN

GIRLS = Unit.Designation.JUVENILE


def _where_forbidden(today, with_child: Q, with_others_apart: Q) -> Q:
    """Her unit is one the Rules don't allow her (Mandela Rule 11; Bangkok Rule 49 for a child
    living with her): a girl off the girls' unit or a woman on it, a woman a child lives with
    on a unit not suited to children, a woman on a unit kept apart with women of another legal
    status. How the last two are known is each query's own (`misplaced` woman by woman,
    `misplaced_counted` by units)."""
    return (
        (juvenile_q(today) & ~Q(unit__designation=GIRLS))
        | (~juvenile_q(today) & Q(unit__designation=GIRLS))
        | (with_child & ~Q(unit__designation=SUITED_TO_CHILDREN))
        | (with_others_apart & Q(unit__designation__in=KEPT_APART))
    )


def misplaced(facilities, start=None, end=None):
    """The women in custody in `facilities` living today on a unit the Rules don't allow them
    (the period is not asked: where she lives is now), each looked at on her own: the first of
    them are found at once, newest first (`misplaced_counted` counts them all)."""
    today = timezone.localdate()
    apart = (
        Prisoner.objects.filter(unit=OuterRef("unit"), custody_status=CustodyStatus.IN_CUSTODY)
        .exclude(pk=OuterRef("pk"))
        .annotate(group=legal_group_of())
        .exclude(group=OuterRef("group"))
    )
    return (
        Prisoner.objects.filter(
            facility__in=facilities, custody_status=CustodyStatus.IN_CUSTODY, unit__isnull=False
        )
        .annotate(group=legal_group_of(), with_others_apart=Exists(apart))
        .filter(_where_forbidden(today, Q(flags__child_in_prison=True), Q(with_others_apart=True)))
        .select_related("unit", "flags")
        .order_by("-id")
    )


def misplaced_counted(facilities, start=None, end=None):
    """The same women as `misplaced`, asked to be counted (QUALITY.md P3): a woman is held with
    women of another legal status when her unit holds women in custody of more than one legal
    group, so the units are grouped once rather than each woman's unit looked through again
    for each woman, and the women a child lives with are read from their own small index."""
    today = timezone.localdate()
    women = Prisoner.objects.filter(custody_status=CustodyStatus.IN_CUSTODY, unit__isnull=False)
    theirs = women.filter(facility__in=facilities).values("unit")
    mixed = (
        women.filter(unit__in=theirs)
        .order_by()
        .values("unit")
        .annotate(one=Min(legal_group_of()), another=Max(legal_group_of()))
        .filter(one__lt=F("another"))
        .values("unit")
    )
    with_child = ProtectionFlags.objects.filter(prisoner=OuterRef("pk"), child_in_prison=True)
    return women.filter(facility__in=facilities).filter(
        _where_forbidden(today, Q(Exists(with_child)), Q(unit__in=mixed))
    )


def row(woman) -> Row:
    wrong = []
    girls_unit = woman.unit.designation == GIRLS
    if woman.is_juvenile and not girls_unit:
        wrong.append(_("a girl under 18 on a unit for adults"))
    if not woman.is_juvenile and girls_unit:
        wrong.append(_("an adult on the unit for girls"))
    if woman.flags.child_in_prison and woman.unit.designation != SUITED_TO_CHILDREN:
        wrong.append(_("her child lives with her on a unit not suited to children"))
    if woman.with_others_apart and woman.unit.designation in KEPT_APART:
        wrong.append(_("held with women of another legal status"))
    return Row(
        uuid=woman.uuid,
        when=timezone.localdate(),
        woman=woman,
        what=_("%(unit)s: %(wrong)s") % {"unit": woman.unit.name, "wrong": "; ".join(wrong)},
        url=reverse("prisoners:unit", kwargs={"uuid": woman.uuid}),
    )


ZEROS = (
    MustBeZero(
        key="living-where-the-rules-forbid",
        now=True,
        label=_lazy("Women living now on a unit the Rules don't allow them"),
        rule="M11",
        perm="prisoners.view_prisoner",
        cases=misplaced,
        count=misplaced_counted,
        row=row,
        order=15,
    ),
)
