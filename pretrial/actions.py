"""What staff do in the pretrial area (Rules 56-58, 65; Mandela 111-120), each declared once
for the API and the page (`bangkok.actions`): enter her court dates, arrange the escort, record
what happened with the non-custodial alternatives considered, send her caretaking information
before a hearing, record her lawyer, screen her for the risk of abuse. A woman or record outside
the caller's facilities, or a role that may not do the verb, is the 404 of one that doesn't
exist; a girl's hearing without a review of non-custodial alternatives is a 409 naming Rule 65,
with nothing written."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, titled, to
from bangkok.schema import ERROR
from register.reading import children_section

from . import api, services
from . import serializers as io
from .forms import (
    AdviserChangeForm,
    AdviserForm,
    CaretakingForm,
    EscortForm,
    HearingForm,
    ResultForm,
    ScreenForm,
)
from .models import Hearing, LegalAdviser
from .permissions import (
    ADD_ADVISER,
    CHANGE_ADVISER,
    ENTER_HEARING,
    RECORD_RESULT,
    SCREEN,
    SEND_CARETAKING,
    access_her,
)

NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such woman or record in your facilities, or your role doesn't do this (the same "
        "answer either way)."
    ),
)

AREA = Area(tag=api.TAG, access=access_her, not_found=NOT_FOUND, prefix="api-pretrial")


def result_form_kwargs(request, hearing) -> dict:
    return {"outcomes": hearing.admission.court_outcomes.order_by("-decided_on", "-id")}


def caretaking_context(request, hearing) -> dict:
    """Her children and dependants as the register lets this viewer read them (Rule 3.2; the
    read audited there), to write the summary from."""
    return {
        "heading": _("Her caretaking information sent"),
        "intro": _(
            "Send her lawyer or the court what they need to weigh bail or an alternative to "
            "custody: her children and dependants, and who cares for them now (Rule 58)."
        ),
        "hearing": hearing,
        "children": children_section(viewer=request.user, mother=hearing.prisoner),
    }


def result_context(request, hearing) -> dict:
    girl = services.is_girl_on(hearing.prisoner, hearing.at)
    return {
        "heading": _("What happened at her hearing"),
        "intro": _(
            "She is under 18: a review of non-custodial alternatives is required at every "
            "court date (Rule 65)."
        )
        if girl
        else _("Say which non-custodial alternatives were considered (Rules 57, 58)."),
        "hearing": hearing,
    }


ACTIONS = [
    Action(
        "enter-hearing",
        "prisoners/<uuid:uuid>/hearings/",
        "Enter one of her court dates (Rule 58)",
        services.enter_hearing,
        io.HearingSerializer,
        io.HearingInput,
        answer=api.answer(io.HearingSerializer),
        created=True,
        changes=False,
        perm=ENTER_HEARING,
        reads=api.HerHearings,
        description=(
            "Reception, custody and social workers. A hearing less than PRETRIAL_NOTICE_DAYS "
            "ahead asks the social workers for her caretaking information at once."
        ),
        page=Page(
            "women/<uuid:uuid>/hearings/new/",
            HearingForm,
            template="pretrial/form.html",
            context=titled(_("A court date")),
            done=_("The court date is entered."),
            then=to("pretrial:hearing"),
        ),
    ),
    Action(
        "arrange-escort",
        "court-hearings/<uuid:uuid>/escort/",
        "Her escort and transport to court, or the video room, arranged",
        services.arrange_escort,
        io.HearingSerializer,
        io.EscortInput,
        answer=api.answer(io.HearingSerializer),
        model=Hearing,
        arg="hearing",
        perm=RECORD_RESULT,
        description="Reception, custody and the governor; 400 once the result is recorded.",
        page=Page(
            "hearings/<uuid:uuid>/escort/",
            EscortForm,
            template="pretrial/form.html",
            context=titled(_("Her escort to court")),
            done=_("Her escort is recorded."),
            then=to("pretrial:hearing", of="target"),
        ),
    ),
    Action(
        "record-result",
        "court-hearings/<uuid:uuid>/result/",
        "What happened at her hearing, with the non-custodial alternatives considered "
        "(Rules 57, 58, 65)",
        services.record_hearing_result,
        io.HearingSerializer,
        io.ResultInput,
        answer=api.answer(io.HearingSerializer),
        model=Hearing,
        arg="hearing",
        rules=("65",),
        perm=RECORD_RESULT,
        description=(
            "Reception, custody and the governor. For a girl under 18, a hearing held without "
            "the non-custodial alternatives reviewed is refused (409, Rule 65). A hearing that "
            "changed her legal status names the court's decision (`court_outcome`) recorded on "
            "her admission."
        ),
        page=Page(
            "hearings/<uuid:uuid>/result/",
            ResultForm,
            template="pretrial/form.html",
            context=result_context,
            form_kwargs=result_form_kwargs,
            done=_("What happened at her hearing is recorded."),
            then=to("pretrial:hearing", of="target"),
        ),
    ),
    Action(
        "send-caretaking",
        "court-hearings/<uuid:uuid>/caretaking-notices/",
        "Her caretaking information sent to her lawyer or the court (Rule 58)",
        services.send_caretaking,
        io.CaretakingNoticeSerializer,
        io.CaretakingInput,
        answer=api.answer(io.CaretakingNoticeSerializer),
        model=Hearing,
        arg="hearing",
        created=True,
        changes=False,
        perm=SEND_CARETAKING,
        description="Social workers. It closes the task before the hearing.",
        page=Page(
            "hearings/<uuid:uuid>/caretaking/new/",
            CaretakingForm,
            template="pretrial/caretaking_form.html",
            context=caretaking_context,
            done=_("The caretaking information sent is recorded."),
            then=to("pretrial:hearing", of="target"),
        ),
    ),
    Action(
        "add-adviser",
        "prisoners/<uuid:uuid>/legal-advisers/",
        "Record her lawyer (Mandela 61, 119)",
        services.add_adviser,
        io.AdviserSerializer,
        io.AdviserInput,
        answer=api.answer(io.AdviserSerializer),
        created=True,
        changes=False,
        perm=ADD_ADVISER,
        reads=api.HerAdvisers,
        description="Reception and social workers. Nothing of her consultations is recorded.",
        page=Page(
            "women/<uuid:uuid>/legal-advisers/new/",
            AdviserForm,
            template="pretrial/form.html",
            context=titled(
                _("Her lawyer"),
                _(
                    "How to reach her lawyer. What she says to her lawyer is privileged: "
                    "nothing of it is recorded here."
                ),
            ),
            done=_("Her lawyer is recorded."),
            then=to("prisoners:detail", of="target", section="pretrial"),
        ),
    ),
    Action(
        "change-adviser",
        "legal-advisers/<uuid:uuid>/",
        "Correct her lawyer's details, or record that the lawyer no longer acts for her",
        services.change_adviser,
        io.AdviserSerializer,
        io.AdviserChange,
        answer=api.answer(io.AdviserSerializer),
        model=LegalAdviser,
        arg="adviser",
        perm=CHANGE_ADVISER,
        method="patch",
        page=Page(
            "legal-advisers/<uuid:uuid>/change/",
            AdviserChangeForm,
            template="pretrial/form.html",
            context=titled(_("Her lawyer")),
            done=_("Her lawyer's details are saved."),
            then=lambda result, target: reverse("prisoners:detail", args=[target.prisoner.uuid]),
        ),
    ),
    Action(
        "record-screen",
        "prisoners/<uuid:uuid>/safety-screens/",
        "Her pretrial-safety screen: the risks of abuse identified, the measures taken (Rule 56)",
        services.record_safety_screen,
        io.ScreenSerializer,
        io.ScreenInput,
        answer=api.answer(io.ScreenSerializer),
        created=True,
        changes=False,
        perm=SCREEN,
        reads=api.HerScreens,
        description="Social workers, safeguarding staff and the governor.",
        page=Page(
            "women/<uuid:uuid>/safety-screens/new/",
            ScreenForm,
            template="pretrial/form.html",
            context=titled(
                _("Her pretrial-safety screen"),
                _(
                    "Women held before trial face a particular risk of abuse (Rule 56): from "
                    "other women, from staff, in transport, at court. Say what you found and "
                    "what was done."
                ),
            ),
            done=_("Her screen is recorded."),
            then=to("prisoners:detail", of="target", section="pretrial"),
        ),
    ),
]

GROUPS = ((ACTIONS, AREA),)
