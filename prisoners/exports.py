"""The list of women as a file (Rules 67-70), for the roles that see the list: the same search,
filters and facility scope as the page, the same columns it shows her (her protections as the
role sees them at the list, never with their reasons), each download audited."""

from django.utils.translation import gettext_lazy as _

from bangkok.exports import Column, Table

from .filters import PrisonerFilter
from .models import CustodyStatus
from .permissions import prisoners_visible_to

LIST_ORDER = ("family_name", "given_names", "id")
FILTERS = ("q", "facility", "unit", "legal_status", "custody_status", "juvenile")


def women(request, params) -> Table | None:
    """The women the list shows her for `params` (None: the filters aren't valid)."""
    user = request.user
    params = params.copy()
    params.setdefault("custody_status", CustodyStatus.IN_CUSTODY)
    filterset = PrisonerFilter(params, queryset=prisoners_visible_to(user), request=request)
    if not filterset.is_valid():
        return None
    found = filterset.qs.select_related("facility", "unit", "flags").order_by(*LIST_ORDER)
    columns = (
        Column("name", _("Name"), lambda w: f"{w.family_name}, {w.given_names}"),
        Column("number", _("Number"), lambda w: w.prison_number),
        Column("facility", _("Facility"), lambda w: w.facility.code),
        Column("unit", _("Unit"), lambda w: w.unit.code if w.unit else ""),
        Column("legal_status", _("Legal status"), lambda w: w.get_legal_status_display()),
        Column("custody_status", _("Custody"), lambda w: w.get_custody_status_display()),
        Column("juvenile", _("Under 18"), lambda w: w.is_juvenile),
        Column("protections", _("Protections"), lambda w: _protections(w, user)),
    )
    facility = filterset.form.cleaned_data.get("facility")
    return Table(
        key="women",
        title=_("Women"),
        columns=columns,
        rows=found,
        facility=facility.code if facility else "",
        filters={
            name: str(params.get(name)) for name in FILTERS if params.get(name) not in (None, "")
        },
    )


def _protections(woman, user) -> str:
    flags = getattr(woman, "flags", None)
    if flags is None:
        return ""
    return "; ".join(str(label) for label, _style in flags.labels_for(user, "list"))
