"""What staff do with the register of children (Rules 3 and 52), each declared once for the
API and, where staff do it on a page, for the page (`bangkok.actions`).

Children's identities are confidential (Rule 3.2): only reception and social workers reach
these actions, every other role is refused (the 404 of a missing record) before anything is
read; whoever adds or changes a child is answered with her identity, so must be allowed to
read it.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bangkok.actions import Action, Area, Page
from bangkok.security import of_this_site
from prisoners.permissions import access_prisoner

from . import api, reading, services
from .forms import ChildEditForm, SeparationForm
from .models import Child
from .permissions import ADD_CHILD, CHANGE_CHILD, can_read_child_identity, may_change_child
from .serializers import ChildChangeSerializer, ChildSerializer, SeparationSerializer


def access_her_children(user, uuid, write: bool = True):
    """The mother, for a role that may know her children's identities (Rule 3.2); else 404."""
    if not can_read_child_identity(user):
        raise Http404("No such child in your facilities.")
    return access_prisoner(user, uuid)


def may_change(user, record) -> bool:
    """A child's record is changed only by whoever may change it now (social workers;
    reception while she is in reception): to anyone else it is the 404 of a missing one."""
    return not isinstance(record, Child) or may_change_child(user, record)


AREA = Area(
    tag="children", access=access_her_children, not_found=None, prefix="api", sees=may_change
)


def came_from(request) -> str | None:
    """The page of this site the form was opened from (her page, her admission), to go back
    to after saving."""
    return of_this_site(request, request.POST.get("next") or request.GET.get("next"))


def editing(request, child) -> dict:
    child = reading.child_read(viewer=request.user, child=child)
    return {"child": child, "next": came_from(request) or ""}


def child_saved(child) -> str:
    return _("%(name)s's record is saved.") % {"name": child.given_names}


def separated(request, child):
    """Nothing to record once the child has left: she sees what is recorded, not a form the
    service would refuse."""
    if child.lives_with_mother:
        return None
    context = {"child": child, "woman": child.mother, "separation": child.separation}
    return render(request, "register/separated.html", context)


ACTIONS = [
    Action(
        "prisoner-children",
        "prisoners/<uuid:uuid>/children/",
        "Add one of her children to the register (Rule 3.1)",
        services.record_child,
        ChildSerializer,
        ChildSerializer,
        arg="mother",
        created=True,
        perm=ADD_CHILD,
        reads=api.ChildrenList,
        description=(
            "A child not living with her needs where she lives (or `location_unknown`) and who "
            'has custody; "not known" is allowed and asks social workers to find out.'
        ),
    ),
    Action(
        "child-detail",
        "children/<uuid:uuid>/",
        "Keep a child's record current (Rules 2.2 and 3)",
        services.update_child,
        ChildSerializer,
        ChildChangeSerializer,
        model=Child,
        woman="mother",
        arg="child",
        method="patch",
        perm=ADD_CHILD,
        rules=("52",),
        description=(
            "Social workers keep the register; reception corrects a child while her admission "
            "is in reception (else the 404 of a missing child). A child living with her is "
            "never moved out by an edit: `lives_with_mother: false` on such a child is a 409 "
            "naming Rule 52; record the separation instead."
        ),
        page=Page(
            "children/<uuid:uuid>/edit/",
            ChildEditForm,
            name="child-edit",
            template="register/child_edit.html",
            form_kwargs=lambda request, child: {"instance": child},
            context=editing,
            done=child_saved,
            then=lambda child, target: reverse("prisoners:detail", args=[target.mother.uuid]),
            back=True,
        ),
    ),
    Action(
        "child-separation",
        "children/<uuid:uuid>/separation/",
        "A child living with her leaves prison: the separation (social workers, Rule 52)",
        services.separate_child,
        SeparationSerializer,
        SeparationSerializer,
        model=Child,
        woman="mother",
        arg="child",
        created=True,
        perm=CHANGE_CHILD,
        rules=("52.1", "52.2"),
        description=(
            "When, why in the child's best interests (52.1), and who will care for the child "
            "where (52.2: only once another carer is found; 409 naming the rule without). Only "
            "this step lifts the protections the child gave her."
        ),
        page=Page(
            "children/<uuid:uuid>/separation/",
            SeparationForm,
            name="separate",
            template="register/separate.html",
            context=lambda request, child: {"child": child},
            instead=separated,
            done=_("The separation is recorded."),
            then=lambda separation, child: reverse("prisoners:detail", args=[child.mother.uuid]),
        ),
    ),
]
