"""What staff do with an admission episode (Mandela Rules 7 and 67; Bangkok Rules 2.1, 2.2 and
4), each declared once (`bangkok.actions`): admitting her, the rights offered on admission,
completing it, where she is held, her property, her family, suspension of detention to
arrange her children's care, transfers and release.

A woman outside the caller's facilities, or a role that may not do the action, is the same
404 as a record that doesn't exist, before anything is read. A refusal under a Rule is a 409
naming it, with nothing written.
"""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from authority.serializers import RefuseInput
from bangkok.actions import Action, Area, Page, posted_next, to
from bangkok.forms import StyledForm
from bangkok.names import country_name
from bangkok.schema import ERROR
from facilities.scope import facilities_of
from prisoners.models import Prisoner
from prisoners.permissions import access_woman
from prisoners.withheld import shown
from register.permissions import ADD_CHILD
from register.services import record_child

from . import api, services, steps, views
from .forms import (
    AdmitForm,
    AllocationForm,
    ChildForm,
    CourtOutcomeForm,
    FamilyMemberForm,
    HomeForm,
    PlaceForm,
    PropertyForm,
    ReleaseForm,
    RightsOfferForm,
    SuspensionDecisionForm,
    SuspensionRequestForm,
    TransferForm,
)
from .models import Admission, RightsItem, SuspensionRequest, TransferProposal
from .permissions import ADMIT
from .serializers import (
    AdmissionDetailSerializer,
    AdmitSerializer,
    AllocateSerializer,
    AllocationSerializer,
    CourtOutcomeInput,
    CourtOutcomeSerializer,
    DecideSuspensionSerializer,
    FamilyMemberSerializer,
    HomeInputSerializer,
    HomeSerializer,
    PropertyItemSerializer,
    RecordPropertySerializer,
    ReleaseSerializer,
    RequestSuspensionSerializer,
    RightsOfferResultSerializer,
    RightsOfferSerializer,
    SuspensionRequestSerializer,
    TransferInputSerializer,
    TransferProposalSerializer,
)

DECIDE_ALLOCATION = api.DECIDE_ALLOCATION


def access_her(user, uuid, write: bool = True) -> Prisoner:
    """The woman, in the caller's facilities; else 404. The action's own permission (checked
    first) says whether the role may touch her admission at all."""
    woman = (
        shown(Prisoner.objects.filter(uuid=uuid, facility__in=facilities_of(user)))
        .select_related("facility", "unit", "flags")
        .first()
    )
    if woman is None:
        raise Http404("No such admission in your facilities.")
    return woman


AREA = Area(tag="admissions", access=access_her, not_found=None, prefix="api")
FAMILY = Area(tag="family", access=access_her, not_found=None, prefix="api")


def admit(*, by, facility, identity=None, returning=None, admitted_at=None, **data) -> Admission:
    """`services.admit_woman`, the commitment order's fields gathered."""
    commitment = {name: data.pop(name) for name in services.COMMITMENT_FIELDS}
    return services.admit_woman(
        by=by,
        facility=facility,
        commitment=commitment,
        identity=identity,
        returning=returning,
        admitted_at=admitted_at,
        **data,
    )


def add_child(*, by, admission, **data):
    """A child of hers entered in the register from her admission's page (Rule 3.1)."""
    return record_child(by=by, mother=admission.prisoner, **data)


def add_family_member(*, by, admission, **data):
    return services.record_family_member(by=by, prisoner=admission.prisoner, **data)


def propose_transfer(*, by, admission, facility, **data):
    """The page names the facility she would move to `facility`."""
    return services.propose_transfer(by=by, admission=admission, to_facility=facility, **data)


def on_its_page(key: str):
    """A refused form on the admission's page is shown there again, with its refusal."""
    return lambda request, admission, form: views.detail_page(request, admission, **{key: form})


BACK = to("admissions:detail", of="target")


def right_offered(request, admission) -> dict:
    """Each right has its own form on the page, prefixed with the right's name."""
    item = request.POST.get("item", "")
    return {"prefix": item if item in RightsItem.values else None}


def right_refused(request, admission, form):
    item = request.POST.get("item", "")
    return views.detail_page(request, admission, rights_form=form, rights_item=item)


def not_signed(request, admission, form):
    """Her signature refused: back where it was asked for (the admission's page or its
    property step), the refusal in its notices."""
    messages.error(request, " ".join(form.non_field_errors()))
    return redirect(posted_next(request) or reverse("admissions:detail", args=[admission.uuid]))


def not_complete(request, admission, form):
    return views.detail_page(request, admission, complete_error=" ".join(form.non_field_errors()))


def decision_refused(request, suspension, form):
    admission = suspension.admission
    return views.detail_page(request, admission, decision_form=form, decision_for=suspension.uuid)


def suspension_shown(request, suspension) -> dict:
    """A request for suspension as this viewer may see it (its grounds or not)."""
    context = api.suspension_context(request.user)
    return SuspensionRequestSerializer(suspension, context=context).data


ACTIONS = [
    Action(
        "admission-list",
        "admissions/",
        "Admit a woman on a commitment order (Mandela Rule 7)",
        admit,
        AdmissionDetailSerializer,
        AdmitSerializer,
        arg=None,
        created=True,
        perm=ADMIT,
        rules=("M7",),
        reads=api.AdmissionList,
        answer=api.episode,
        description=(
            "A new woman with her `identity`, or a returning woman by her record's id "
            "(`returning`), never both. Schedules her entry health screening and, for a "
            "foreign national, the consular offer."
        ),
        page=Page(
            "new/",
            AdmitForm,
            name="new",
            template="admissions/new.html",
            form_kwargs=views.admitting,
            context=views.admission_search,
            done=_("Admission opened. Now offer her rights (Rule 2.1)."),
            then=lambda admission, target: f"{steps.url(admission, 'rights')}#step-rights",
        ),
    ),
    Action(
        "admission-rights",
        "admissions/<uuid:uuid>/rights/",
        "Record a right offered on admission and her answer (Rule 2.1)",
        services.record_rights_offer,
        RightsOfferResultSerializer,
        RightsOfferSerializer,
        model=Admission,
        arg="admission",
        created=True,
        perm=ADMIT,
        description=(
            "Offered when, by whom, in which language, and her answer; declining is a complete "
            "answer. A later answer replaces the earlier one; the history keeps both."
        ),
        page=Page(
            "<uuid:uuid>/rights/",
            RightsOfferForm,
            name="offer-right",
            back=True,
            form_kwargs=right_offered,
            again=right_refused,
            done=_("Her answer is recorded."),
            then=BACK,
        ),
    ),
    Action(
        "admission-complete",
        "admissions/<uuid:uuid>/complete/",
        "Complete the admission: she leaves reception",
        services.complete_admission,
        AdmissionDetailSerializer,
        model=Admission,
        arg="admission",
        perm=ADMIT,
        rules=("2.1", "2.2"),
        answer=api.episode,
        description=(
            "Refused (409) until every right of Rule 2.1 is answered, and while a dependent "
            "child outside has neither an arrangement nor a recorded reason (Rule 2.2). 400 "
            "when the admission is not in reception."
        ),
        page=Page(
            "<uuid:uuid>/complete/",
            StyledForm,
            name="complete",
            again=not_complete,
            done=_("Admission complete."),
            then=lambda admission, target: reverse("prisoners:detail", args=[target.prisoner.uuid]),
        ),
    ),
    Action(
        "admission-allocation",
        "admissions/<uuid:uuid>/allocation/",
        "Decide where she is held (Rule 4)",
        services.allocate,
        AllocationSerializer,
        AllocateSerializer,
        model=Admission,
        arg="admission",
        created=True,
        perm=DECIDE_ALLOCATION,
        rules=("4",),
        description=(
            "Distances come from her home's coordinates. A placement away from the facility "
            "nearest her home, or against her preference, is refused (409) without a written "
            "`reason`."
        ),
        page=Page(
            "<uuid:uuid>/allocation/",
            AllocationForm,
            name="allocate",
            back=True,
            again=on_its_page("allocation_form"),
            done=_("Allocation recorded."),
            then=BACK,
        ),
    ),
    Action(
        "admission-property",
        "admissions/<uuid:uuid>/property/",
        "Add a line to the inventory of her property (Mandela Rule 7(e))",
        services.record_property,
        PropertyItemSerializer,
        RecordPropertySerializer,
        model=Admission,
        arg="admission",
        changes=False,
        created=True,
        perm=services.KEEP_PROPERTY,
        reads=api.PropertyList,
        description=(
            "A line added after she signed the inventory needs her signature again (Mandela "
            "Rule 67(1)). Refused (400) once she is released."
        ),
        page=Page(
            "<uuid:uuid>/property/",
            PropertyForm,
            name="add-property",
            back=True,
            again=on_its_page("property_form"),
            done=_("Added to her property. She signs the inventory again."),
            then=BACK,
        ),
    ),
    Action(
        "admission-property-sign",
        "admissions/<uuid:uuid>/property/sign/",
        "Record that she signed the inventory of her property (Mandela Rule 67(1))",
        services.sign_property_inventory,
        AdmissionDetailSerializer,
        model=Admission,
        arg="admission",
        perm=services.KEEP_PROPERTY,
        answer=api.episode,
        description="Refused (400) while the inventory is empty, and once she is released.",
        page=Page(
            "<uuid:uuid>/property/sign/",
            StyledForm,
            name="sign-property",
            back=True,
            again=not_signed,
            done=_("Her signature on the inventory is recorded."),
            then=BACK,
        ),
    ),
    Action(
        "admission-suspension-requests",
        "admissions/<uuid:uuid>/suspension-requests/",
        "Record her request for a suspension of detention (Rule 2.2)",
        services.request_suspension,
        SuspensionRequestSerializer,
        RequestSuspensionSerializer,
        model=Admission,
        arg="admission",
        changes=False,
        created=True,
        perm=services.REQUEST_SUSPENSION,
        reads=api.SuspensionRequestList,
        answer=suspension_shown,
        description=(
            "Sent to the competent authority to arrange her children's care. Social workers "
            "are asked to follow it up if it is still undecided after "
            "SUSPENSION_FOLLOW_UP_HOURS. Refused (400) once she is released."
        ),
        page=Page(
            "<uuid:uuid>/suspension/",
            SuspensionRequestForm,
            name="request-suspension",
            back=True,
            again=on_its_page("suspension_form"),
            done=_("Request recorded. Social workers will follow it up."),
            then=BACK,
        ),
    ),
    Action(
        "suspension-decision",
        "suspension-requests/<uuid:uuid>/decision/",
        "Record the decision on her request for suspension of detention (Rule 2.2)",
        services.decide_suspension,
        SuspensionRequestSerializer,
        DecideSuspensionSerializer,
        model=SuspensionRequest,
        woman="admission__prisoner",
        arg="request",
        perm=services.DECIDE_SUSPENSION,
        answer=suspension_shown,
        description=(
            "Granted or refused by the competent authority, or withdrawn by her. A decision "
            "recorded is final (400 if one already is); a new request is a new record."
        ),
        page=Page(
            "<uuid:uuid>/suspension/<uuid:request_uuid>/",
            SuspensionDecisionForm,
            name="decide-suspension",
            key="request_uuid",
            within="admission",
            again=decision_refused,
            done=_("Outcome recorded."),
            then=lambda suspension, target: reverse(
                "admissions:detail", args=[target.admission.uuid]
            ),
        ),
    ),
    Action(
        "admission-transfer",
        "admissions/<uuid:uuid>/transfer/",
        "Propose transferring her to another facility on this episode (Rule 4)",
        services.propose_transfer,
        TransferProposalSerializer,
        TransferInputSerializer,
        model=Admission,
        arg="admission",
        created=True,
        perm=services.TRANSFER,
        rules=("4",),
        description=(
            "With a written reason. Every transfer is an allocation decision (Rule 4): away "
            "from the facility nearest her home, or against her preference, refused (409) "
            "without a reason. It is recorded as proposed (`status: proposed`, awaiting a "
            "governor's confirmation) and takes effect only when a governor of her facility "
            "confirms it (`/transfer-proposals/{uuid}/confirm/`): then she moves, with the date "
            "and hour of the confirmation, her open tasks with her. Refused (400) before her "
            "admission is complete, once she is released, to where she is already held, or "
            "while another transfer of hers awaits confirmation."
        ),
    ),
    Action(
        "admission-court-outcome",
        "admissions/<uuid:uuid>/court-outcomes/",
        "Record a court's decision that changes her legal status (convicted, sentenced)",
        services.record_court_outcome,
        CourtOutcomeSerializer,
        CourtOutcomeInput,
        model=Admission,
        arg="admission",
        created=True,
        changes=False,
        perm=services.CHANGE_ADMISSION,
        description=(
            "Her record says her new legal status from now on. Custody are asked to move her "
            "when her unit holds women kept apart from her now (Mandela 11); her classification "
            "is reviewed after a conviction or a sentence (Rule 41); a sentenced foreign "
            "national's transfer home is considered with her (Rule 53.1). Refused (400) for the "
            "status she has already, a sentence not given, a date in the future or before her "
            "arrest, and once she is released."
        ),
        page=Page(
            "<uuid:uuid>/court-outcomes/",
            CourtOutcomeForm,
            name="court-outcome",
            again=on_its_page("court_form"),
            done=_("The court's decision is recorded: her legal status has changed."),
            then=BACK,
        ),
    ),
    Action(
        "admission-release",
        "admissions/<uuid:uuid>/release/",
        "Release her: the episode is closed",
        services.release,
        AdmissionDetailSerializer,
        ReleaseSerializer,
        model=Admission,
        arg="admission",
        perm=services.CHANGE_ADMISSION,
        rules=("M67",),
        answer=api.episode,
        description=(
            "On a date and hour, for a recorded reason; her open tasks are cancelled. Refused "
            "(409) while property kept in store for her is not confirmed returned to her "
            "against her signature (`property_returned`, Mandela Rule 67(2))."
        ),
        page=Page(
            "<uuid:uuid>/release/",
            ReleaseForm,
            name="release",
            again=on_its_page("release_form"),
            done=_("She is released; the episode is closed."),
            then=BACK,
        ),
    ),
]

# Forms of the admission's page with no API action of their own at its address.
PAGE_ACTIONS = [
    Action(
        "add-child",
        "",
        "Add one of her children to the register (Rule 3.1)",
        add_child,
        model=Admission,
        arg="admission",
        changes=False,
        perm=ADD_CHILD,
        page=Page(
            "<uuid:uuid>/children/",
            ChildForm,
            back=True,
            again=on_its_page("child_form"),
            done=_("Child added to the register."),
            then=BACK,
        ),
    ),
    Action(
        "add-family",
        "",
        "Record a family member, emergency contact or next of kin",
        add_family_member,
        model=Admission,
        arg="admission",
        changes=False,
        perm=services.FAMILY,
        page=Page(
            "<uuid:uuid>/family/",
            FamilyMemberForm,
            back=True,
            again=on_its_page("family_form"),
            done=_("Family member recorded."),
            then=BACK,
        ),
    ),
    Action(
        "transfer",
        "",
        "Propose transferring her to another facility on this episode (Rule 4)",
        propose_transfer,
        model=Admission,
        arg="admission",
        perm=services.TRANSFER,
        rules=("4",),
        page=Page(
            "<uuid:uuid>/transfer/",
            TransferForm,
            # Proposed, it awaits a governor's confirmation (the governor's queue at /authority/).
            again=on_its_page("transfer_form"),
            done=_("The transfer is proposed: she moves when a governor confirms it."),
            then=BACK,
        ),
    ),
]


def add_place_as_home(*, by, prisoner, **place) -> Prisoner:
    """A place the gazetteer doesn't know, added by her facility and recorded as her home."""
    with transaction.atomic():
        added = services.add_place(by=by, facility=prisoner.facility, **place)
        return services.record_home(by=by, prisoner=prisoner, place=services.home_at(added).key)


def home_recorded(woman) -> str:
    return gettext_now(
        "Her home is recorded: %(place)s, %(country)s. Allocations measure from it."
    ) % {
        "place": woman.home_place,
        "country": country_name(woman.home_country),
    }


HOME_ACTIONS = [
    Action(
        "prisoner-home",
        "prisoners/<uuid:uuid>/home/",
        "Record her home: a town of the gazetteer or a place her facility added (Rule 4)",
        services.record_home,
        HomeSerializer,
        HomeInputSerializer,
        perm=services.HOME,
        her=True,
        description=(
            "`place` as the picker names it: `geonames:<id>` for a town of the gazetteer, "
            "`place:<uuid>` for a place one of your facilities added. Allocations and "
            "transfers measure their distances from it. 400 naming `place` when it names "
            "no such place. It changes her record: send her `ETag` (from her read, "
            "`/api/v1/prisoners/<uuid>/`) in If-Match."
        ),
        page=Page(
            "women/<uuid:uuid>/home/record/",
            HomeForm,
            name="record-home",
            again=views.home_refused("home_form"),
            done=home_recorded,
            then=to("admissions:home", of="target"),
            back=True,
        ),
    ),
    Action(
        "add-place",
        "",
        "Add a place the gazetteer doesn't know and record it as her home (Rule 4)",
        add_place_as_home,
        perm=services.HOME,
        her=True,
        page=Page(
            "women/<uuid:uuid>/places/",
            PlaceForm,
            again=views.home_refused("place_form"),
            done=home_recorded,
            then=to("admissions:home", of="target"),
            back=True,
        ),
    ),
]

FAMILY_ACTIONS = [
    Action(
        "prisoner-family",
        "prisoners/<uuid:uuid>/family/",
        "Record a family member, emergency contact or next of kin",
        services.record_family_member,
        FamilyMemberSerializer,
        FamilyMemberSerializer,
        created=True,
        perm=services.FAMILY,
        reads=api.FamilyList,
    ),
]

# A governor's confirmation or refusal of a proposed transfer (Rule 4)
TRANSFER_AREA = Area(
    tag="admissions",
    access=lambda user, uuid, write=True: access_woman(user, uuid, services.CONFIRM_TRANSFER),
    not_found=OpenApiResponse(
        ERROR,
        description=(
            "No such proposed transfer in your facilities, or your role doesn't confirm "
            "transfers (the same answer either way)."
        ),
    ),
    prefix="api-transfer",
)
TRANSFER_DECISIONS = [
    Action(
        "confirm",
        "transfer-proposals/<uuid:uuid>/confirm/",
        "Confirm a proposed transfer: she moves now (the governor)",
        services.confirm_transfer,
        TransferProposalSerializer,
        model=TransferProposal,
        arg="record",
        rules=("4",),
        description=(
            "A governor of her facility, never whoever proposed it (409). Rule 4 is checked "
            "again now (409), and that the episode is still open and she is still where it "
            "moves her from (400). 400 once decided, or ended by her release (of two "
            "governors at once, one wins)."
        ),
    ),
    Action(
        "refuse",
        "transfer-proposals/<uuid:uuid>/refuse/",
        "Refuse a proposed transfer, with a reason: it never happens (the governor)",
        services.refuse_transfer,
        TransferProposalSerializer,
        RefuseInput,
        model=TransferProposal,
        arg="record",
        rules=("4",),
    ),
]
