"""What the visits forms offer to choose from: her approved visitors and her children."""

from register.reading import children_of

from ..permissions import sees_child_identity
from ..reading import labelled, visitors_for


def approved_visitors(viewer, woman) -> list:
    return labelled(viewer, visitors_for(viewer, woman).filter(status="approved"))


def her_children(viewer, woman) -> list:
    """Her children to choose from: named for a role that may know them (the read is
    audited, Rule 3.2), else "Her child (1)", "Her child (2)"..."""
    from django.utils.translation import gettext as _

    if sees_child_identity(viewer):
        children = children_of(viewer=viewer, mother=woman)
        for child in children:
            child.shown_name = f"{child.given_names} {child.family_name}".strip()
        return children
    children = list(woman.children.order_by("date_of_birth", "id"))
    for n, child in enumerate(children, start=1):
        child.shown_name = _("Her child (%(n)s)") % {"n": n}
    return children
