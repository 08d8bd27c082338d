"""What staff do about equality and faith (Rules 54, 55; Mandela 2, 65, 66), each declared
once for the API and the page (`bangkok.actions`). A woman, need, visit, representative or
facility outside the caller's facilities, or a role that may not do the verb, is the 404 of a
record that doesn't exist; a visit she refused being arranged, or one she asked for being
refused, is a 409 naming Mandela 65, with nothing written."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, titled, to
from bangkok.schema import ERROR
from facilities.scope import record_in_reach

from . import api, services
from . import serializers as io
from .forms import (
    AnswerForm,
    ArrangeForm,
    AskForm,
    CharacteristicsForm,
    CloseForm,
    ConsentForm,
    EndNeedForm,
    NeedForm,
    OfferForm,
    ProvisionForm,
    RepresentativeForm,
    WithdrawForm,
)
from .models import FaithNeed, FaithVisit, Representative
from .permissions import (
    ARRANGE,
    ASK_VISIT,
    KEEP_NEEDS,
    KEEP_PROVISION,
    RECORD,
    access_facility,
    access_her,
)

NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such woman, need, visit, representative or facility in your facilities, or your "
        "role doesn't do this (the same answer either way)."
    ),
)
PREFIX = "api-equality"


def _facility(user, address):
    return access_facility(user, address["uuid"], KEEP_PROVISION), None


def _representative(user, address):
    return record_in_reach(user, Representative, address["uuid"]), None


WOMAN = Area(tag=api.TAG, access=access_her, not_found=NOT_FOUND, prefix=PREFIX)
FACILITY = Area(tag=api.TAG, access=None, not_found=NOT_FOUND, prefix=PREFIX, find=_facility)
REPRESENTATIVE = Area(
    tag=api.TAG, access=None, not_found=NOT_FOUND, prefix=PREFIX, find=_representative
)


def _representative_of(facility, representative) -> Representative:
    """The representative as the API names it (a uuid) or the page's form gives it."""
    if isinstance(representative, Representative):
        return representative
    found = facility.faith_representatives.filter(uuid=representative, in_post=True).first()
    if found is None:
        raise ValidationError({"representative": _("Choose a representative in post here.")})
    return found


def offer(*, by, prisoner, representative):
    return services.offer_visit(
        by=by,
        prisoner=prisoner,
        representative=_representative_of(prisoner.facility, representative),
    )


def arrange(*, by, visit, representative=None, arranged_for=None):
    if representative is None or arranged_for is None:
        missing = "representative" if representative is None else "arranged_for"
        raise ValidationError({missing: _("Give the representative and when.")})
    return services.arrange_visit(
        by=by,
        visit=visit,
        representative=_representative_of(visit.facility, representative),
        arranged_for=arranged_for,
    )


def _facility_of(request, target) -> dict:
    return {"facility": target.facility if hasattr(target, "facility") else target}


HER_PAGE = to("equality:her", of="target")


def _back_to_her(result, target) -> str:
    return to("equality:her", of="target")(result, target.prisoner)


def _back_to_facility(result, target) -> str:
    return to("equality:facility", of="target")(result, target.facility)


WOMAN_ACTIONS = [
    Action(
        "give-consent",
        "prisoners/<uuid:uuid>/equality/consent/",
        "Record her consent to the recording of her characteristics (Rules 54, 55)",
        services.give_consent,
        io.EqualityConsentSerializer,
        io.EqualityConsentInput,
        created=True,
        perm=RECORD,
        page=Page(
            "women/<uuid:uuid>/consent/",
            ConsentForm,
            template="equality/her_form.html",
            context=titled(
                _("Her consent"),
                _(
                    "Her characteristics are recorded only with her consent, and only to "
                    "provide for her. She may withdraw it at any time: they are erased then."
                ),
                _("She consents"),
            ),
            done=_("Her consent is recorded."),
            then=HER_PAGE,
        ),
    ),
    Action(
        "withdraw-consent",
        "prisoners/<uuid:uuid>/equality/consent/withdraw/",
        "She withdraws her consent: her characteristics are erased",
        services.withdraw_consent,
        io.EqualityConsentSerializer,
        perm=RECORD,
        page=Page(
            "women/<uuid:uuid>/consent/withdraw/",
            WithdrawForm,
            template="equality/her_form.html",
            context=titled(
                _("She withdraws her consent"),
                _("What she said of herself is erased at once, and counted nowhere from now on."),
                _("Withdraw and erase"),
            ),
            done=_("Her consent is withdrawn and her characteristics erased."),
            then=HER_PAGE,
        ),
    ),
    Action(
        "record-characteristics",
        "prisoners/<uuid:uuid>/equality/characteristics/",
        "Record what she says of herself, in her words, with her consent (Rules 54, 55)",
        services.record_characteristics,
        io.CharacteristicsOut,
        io.CharacteristicsInput,
        created=True,
        perm=RECORD,
        page=Page(
            "women/<uuid:uuid>/characteristics/",
            CharacteristicsForm,
            template="equality/her_form.html",
            context=titled(
                _("What she says of herself"),
                _(
                    "Every question is hers to answer or not, and she may prefer not to say. "
                    "Write her words; never guess. This is never used for security (Mandela "
                    "Rule 2)."
                ),
            ),
            done=_("What she said is recorded."),
            then=HER_PAGE,
        ),
    ),
    Action(
        "record-need",
        "prisoners/<uuid:uuid>/equality/needs/",
        "Record a need of her faith, in her words (Mandela 66; Rule 54)",
        services.record_faith_need,
        io.NeedSerializer,
        io.NeedInput,
        created=True,
        perm=KEEP_NEEDS,
        page=Page(
            "women/<uuid:uuid>/needs/new/",
            NeedForm,
            template="equality/her_form.html",
            context=titled(
                _("A need of her faith"),
                _("Her diet, worship, religious items, dress or observance days (Mandela 66)."),
            ),
            done=_("Her faith need is recorded."),
            then=HER_PAGE,
        ),
    ),
    Action(
        "ask-visit",
        "prisoners/<uuid:uuid>/equality/visits/",
        "She asks for a visit of a representative of her faith: never refused (Mandela 65)",
        services.ask_for_visit,
        io.FaithVisitSerializer,
        io.AskInput,
        created=True,
        perm=ASK_VISIT,
        page=Page(
            "women/<uuid:uuid>/visits/new/",
            AskForm,
            template="equality/her_form.html",
            context=titled(
                _("She asks for a representative of her faith"),
                _(
                    "Her access to a qualified representative of her religion is never refused "
                    "(Mandela Rule 65). Not arranged within a week, the governor is told."
                ),
            ),
            done=_("Her request is recorded."),
            then=HER_PAGE,
        ),
    ),
    Action(
        "offer-visit",
        "prisoners/<uuid:uuid>/equality/offers/",
        "A representative offers to visit her; she may refuse (Mandela 65)",
        offer,
        io.FaithVisitSerializer,
        io.OfferInput,
        created=True,
        perm=ASK_VISIT,
        page=Page(
            "women/<uuid:uuid>/offers/new/",
            OfferForm,
            template="equality/her_form.html",
            form_kwargs=_facility_of,
            context=titled(_("A representative offers to visit her")),
            done=_("The offer is recorded: ask her whether she wants the visit."),
            then=HER_PAGE,
        ),
    ),
]

NEED = Area(tag=api.TAG, access=access_her, not_found=NOT_FOUND, prefix=PREFIX)
NEED_ACTIONS = [
    Action(
        "provide-for-need",
        "equality/needs/<uuid:uuid>/",
        "Say what is provided for her faith need (Mandela 66)",
        services.provide_for_need,
        io.NeedSerializer,
        io.ProvisionInput,
        model=FaithNeed,
        arg="need",
        method="patch",
        perm=KEEP_NEEDS,
        page=Page(
            "needs/<uuid:uuid>/provide/",
            ProvisionForm,
            template="equality/her_form.html",
            context=titled(_("What is provided for her need")),
            done=_("Provision recorded."),
            then=_back_to_her,
        ),
    ),
    Action(
        "end-need",
        "equality/needs/<uuid:uuid>/end/",
        "She no longer has this faith need",
        services.end_faith_need,
        io.NeedSerializer,
        model=FaithNeed,
        arg="need",
        perm=KEEP_NEEDS,
        page=Page(
            "needs/<uuid:uuid>/end/",
            EndNeedForm,
            template="equality/her_form.html",
            context=titled(_("End the need"), button=_("End it")),
            done=_("The need has ended."),
            then=_back_to_her,
        ),
    ),
]

VISIT_ACTIONS = [
    Action(
        "answer-offer",
        "equality/visits/<uuid:uuid>/answer/",
        "Her answer to a representative's offer to visit: she may refuse it (Mandela 65)",
        services.answer_offer,
        io.FaithVisitSerializer,
        io.FaithAnswerInput,
        model=FaithVisit,
        arg="visit",
        perm=ASK_VISIT,
        page=Page(
            "visits/<uuid:uuid>/answer/",
            AnswerForm,
            template="equality/her_form.html",
            context=titled(
                _("Does she want the visit?"),
                _("If she refuses it, her wish is respected in full (Mandela Rule 65)."),
            ),
            done=_("Her answer is recorded."),
            then=_back_to_her,
        ),
    ),
    Action(
        "arrange-visit",
        "equality/visits/<uuid:uuid>/",
        "Arrange the visit with a representative in post; never one she refused (Mandela 65)",
        arrange,
        io.FaithVisitSerializer,
        io.ArrangeInput,
        model=FaithVisit,
        arg="visit",
        method="patch",
        rules=("M65",),
        perm=ARRANGE,
        page=Page(
            "visits/<uuid:uuid>/arrange/",
            ArrangeForm,
            template="equality/her_form.html",
            form_kwargs=_facility_of,
            context=titled(_("Arrange the visit")),
            done=_("The visit is arranged."),
            then=_back_to_her,
        ),
    ),
    Action(
        "close-visit",
        "equality/visits/<uuid:uuid>/close/",
        "Close the visit: held, she no longer wants it, or she left; never refused (Mandela 65)",
        services.close_visit,
        io.FaithVisitSerializer,
        io.CloseInput,
        model=FaithVisit,
        arg="visit",
        rules=("M65",),
        perm=ARRANGE,
        page=Page(
            "visits/<uuid:uuid>/close/",
            CloseForm,
            template="equality/her_form.html",
            context=titled(_("Close the visit")),
            done=_("The visit is closed."),
            then=_back_to_her,
        ),
    ),
]

FACILITY_ACTIONS = [
    Action(
        "add-representative",
        "equality/facilities/<uuid:uuid>/representatives/",
        "Add a qualified representative of a faith to the facility (Mandela 65.1)",
        services.add_representative,
        io.RepresentativeSerializer,
        io.RepresentativeInput,
        arg="facility",
        created=True,
        perm=KEEP_PROVISION,
        reads=api.FacilityRepresentatives,
        page=Page(
            "facilities/<uuid:uuid>/representatives/new/",
            RepresentativeForm,
            template="equality/form.html",
            context=lambda request, facility: {
                "facility": facility,
                "heading": _("Add a representative of a faith"),
            },
            done=_("Representative added."),
            then=to("equality:facility", of="target"),
        ),
    ),
]

REPRESENTATIVE_ACTIONS = [
    Action(
        "change-representative",
        "equality/representatives/<uuid:uuid>/",
        "Change a representative: name, services held, in post (Mandela 65.1)",
        services.change_representative,
        io.RepresentativeSerializer,
        io.RepresentativeChange,
        model=Representative,
        arg="representative",
        method="patch",
        perm=KEEP_PROVISION,
    ),
]

GROUPS = (
    (WOMAN_ACTIONS, WOMAN),
    (NEED_ACTIONS, NEED),
    (VISIT_ACTIONS, NEED),
    (FACILITY_ACTIONS, FACILITY),
    (REPRESENTATIVE_ACTIONS, REPRESENTATIVE),
)
