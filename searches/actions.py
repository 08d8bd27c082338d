"""What staff do with searches (Rules 19-21; Mandela Rules 51-52), each declared once for the
API and the page (`bangkok.actions`): custody record a personal search of her (or of a child
with her or visiting her) and the search of a cell, and ask the governor's authority for a
strip or body cavity search, which the governor gives or refuses.

A woman outside the caller's facilities is the same 404 as one who doesn't exist, and so is a
role that doesn't record searches. A search the Rules forbid is a 409 (beside the form on a
page) naming the Rule, and nothing is written: the service decides, whoever the client names
as searching staff.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from authority.serializers import RefuseInput
from bangkok.actions import Action, Area, Page, to
from bangkok.schema import ERROR
from facilities.scope import facilities_of, staff_of
from prisoners.permissions import access_prisoner

from . import api, reading, services
from .forms import CellSearchForm, SearchAuthorityForm, SearchForm, SearchWhatForm
from .models import SearchAuthorisation
from .permissions import RECORD, VIEW, authorisers_of, given_authorities
from .serializers import (
    CellSearchInput,
    SearchAuthorityInput,
    SearchAuthoritySerializer,
    SearchInput,
    SearchSerializer,
)

TAG = "searches"


def access_her(user, uuid, write: bool = True):
    """The woman, for a search of her or an authority for one: 404 outside the caller's scope
    or for a role that reads no searches (the verb's own permission is the action's)."""
    return access_prisoner(user, uuid, perm=VIEW)


# Recording searches: routes named `api-<name>`, answering the project's one 404.
RECORDING = Area(tag=TAG, access=access_her, not_found=None, prefix="api")
# Authority for a search: routes named `api-searches-<name>`.
AUTHORITY = Area(
    tag=TAG,
    access=access_her,
    not_found=OpenApiResponse(
        ERROR, description="No such woman or record in your facilities (the same answer)."
    ),
    prefix="api-searches",
)


def search_choices(request, woman) -> dict:
    """Staff of her facility, those who may carry out the search chosen (who and how, asked
    first: `SearchWhatForm`) offered as searchers; her children with her; the authorities
    given for a search."""
    here = facilities_of(request.user).filter(pk=woman.facility.pk)
    staff = staff_of(here)
    subject, kind = SearchWhatForm.chosen(
        request.POST if request.method == "POST" else request.GET, woman=woman
    )
    offered, missing = services.searchers_offered(staff, subject=subject, kind=kind)
    return {
        "woman": woman,
        "staff": staff,
        "authorities": given_authorities(woman),
        "subject": subject,
        "kind": kind,
        "offered": offered,
        "missing": missing,
    }


def search_what(request, woman) -> dict:
    """The first question of the search form, as chosen so far. Once a kind is chosen, its
    answers are posted with the search form (`form="search-form"`): changing them posts what
    was typed too (`CHANGE`), and the form comes back in its new shape with all of it."""
    chosen = request.POST if request.method == "POST" else request.GET
    subject, kind = SearchWhatForm.chosen(chosen, woman=woman)
    what = SearchWhatForm(None, woman=woman, initial={"subject": subject, "kind": kind})
    if kind is not None:
        for field in what.fields.values():
            field.widget.attrs["form"] = "search-form"
    return {"what": what, "chosen_kind": kind, "change": CHANGE}


# The submit that changes who or how without recording anything (`Page.reshape`).
CHANGE = "change"


def cell_choices(request, target) -> dict:
    facilities = facilities_of(request.user)
    return {"facilities": facilities, "staff": staff_of(facilities)}


RECORDING_ACTIONS = [
    Action(
        "prisoner-searches",
        "prisoners/<uuid:uuid>/searches/",
        "Record a personal search of her, her child with her, or a child visiting her",
        services.record_search,
        SearchSerializer,
        SearchInput,
        created=True,
        perm=RECORD,
        rules=("19", "20", "21", "M51", "M52"),
        shown=reading.shown,
        reads=api.HerSearches,
        description=(
            "A woman is searched only by women staff with valid search-methods training on the "
            "day (Rule 19); a child only by staff with valid training in searching children "
            "(Rule 21); a body cavity search only by health staff (Mandela 52). A strip or "
            "body cavity search needs an individual reason and an authority the governor gave "
            "for it before it was done (`authorisation`, or the governor in `authorised_by`; "
            "409 M51 otherwise, a backdated search too), and, where a scanner was available, "
            "why the scan would not do (Rule 20). Staff by username, of her facility."
        ),
        page=Page(
            "women/<uuid:uuid>/new/",
            SearchForm,
            name="record",
            template="searches/new.html",
            form_kwargs=search_choices,
            context=search_what,
            reshape=CHANGE,
            done=_("Search recorded."),
            then=to("searches:detail"),
        ),
    ),
    Action(
        "cell-searches",
        "cell-searches/",
        "Record the search of a cell",
        services.record_cell_search,
        SearchSerializer,
        CellSearchInput,
        arg=None,
        created=True,
        perm=RECORD,
        shown=reading.shown,
        description="A unit of one of your facilities and the cell; staff of that facility.",
        page=Page(
            "cells/new/",
            CellSearchForm,
            name="record-cell",
            template="searches/new_cell.html",
            form_kwargs=cell_choices,
            done=_("Cell search recorded."),
            then=to("searches:detail"),
        ),
    ),
]

AUTHORITY_ACTIONS = [
    Action(
        "ask-authority",
        "prisoners/<uuid:uuid>/search-authorities/",
        "Ask the governor's authority for a strip or body cavity search of her (Mandela 51)",
        services.request_search_authority,
        SearchAuthoritySerializer,
        SearchAuthorityInput,
        created=True,
        rules=("M51",),
        description=(
            "Custody. An individual reason (409, M51). It awaits the authority of the governor "
            "named in `sought_from`, or of any governor of her facility; the search may be "
            "recorded only on an authority given before it."
        ),
        page=Page(
            "women/<uuid:uuid>/authority/",
            SearchAuthorityForm,
            template="searches/ask_authority.html",
            form_kwargs=lambda request, woman: {"governors": authorisers_of(woman.facility)},
            done=_(
                "Authority asked for. The search may be carried out once the governor gives it."
            ),
            then=to("prisoners:detail", of="target", section="searches"),
            perm=RECORD,
        ),
    ),
    Action(
        "authority-confirm",
        "search-authorities/<uuid:uuid>/confirm/",
        "Give your authority for a strip or body cavity search (the governor)",
        services.confirm_search_authority,
        SearchAuthoritySerializer,
        model=SearchAuthorisation,
        arg="record",
        rules=("M51",),
        description=(
            "A governor of her facility with her own sign-in, never whoever asked (409, M51); "
            "only the one named, if one was. 400 once decided (of two at once, one wins)."
        ),
    ),
    Action(
        "authority-refuse",
        "search-authorities/<uuid:uuid>/refuse/",
        "Refuse your authority for a strip or body cavity search, with a reason",
        services.refuse_search_authority,
        SearchAuthoritySerializer,
        RefuseInput,
        model=SearchAuthorisation,
        arg="record",
        rules=("M51",),
    ),
]
