"""What staff do for a girl (Rules 36-39), declared once for the API and the page
(`bangkok.actions`): record that her parent or guardian was told of her admission, transfer or
release, or that nobody could be reached. A woman outside the caller's facilities, or a role
that may not do it, is the 404 of a woman who doesn't exist; a woman of 18 or over is a 400
(her family is told only as she asks), with nothing written."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, titled, to
from bangkok.schema import ERROR

from . import api, services
from . import serializers as io
from .forms import GuardianNoticeForm, MatchForm, OpenSealedForm, SealForm
from .permissions import (
    DECIDE_MATCH,
    OPEN,
    RECORD,
    SEAL,
    access_her,
    access_sealed,
    access_to_decide,
    access_to_seal,
)

NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such woman in your facilities, or your role doesn't do this (the same answer "
        "either way)."
    ),
)

WOMAN = Area(tag=api.TAG, access=access_her, not_found=NOT_FOUND, prefix="api-girls")


WOMAN_ACTIONS = [
    Action(
        "tell-guardian",
        "prisoners/<uuid:uuid>/guardian-notices/",
        "Record that her parent or guardian was told of her admission, transfer or release, "
        "or that nobody could be reached (Rule 36)",
        services.record_guardian_notice,
        io.GuardianNoticeSerializer,
        io.GuardianNoticeInput,
        created=True,
        changes=False,
        perm=RECORD,
        reads=api.HerNotices,
        page=Page(
            "women/<uuid:uuid>/guardian/new/",
            GuardianNoticeForm,
            template="girls/her_form.html",
            context=titled(
                _("Her parent or guardian told"),
                _(
                    "A girl's parent or guardian is told when she is admitted, transferred or "
                    "released. If nobody could be reached, say what was tried: the task stays "
                    "open until they are told."
                ),
            ),
            done=_("The notice to her parent or guardian is recorded."),
            then=to("prisoners:detail", of="target", section="girls"),
        ),
    ),
]


# -- Her records sealed (Havana r. 19) ------------------------------------------------------

SEALING = Area(tag=api.TAG, access=access_to_seal, not_found=NOT_FOUND, prefix="api-girls")
MATCHING = Area(tag=api.TAG, access=access_to_decide, not_found=NOT_FOUND, prefix="api-girls")


def _sealed(user, address: dict):
    return access_sealed(user, address["uuid"], write=True), None


SEALED = Area(
    tag=api.TAG,
    access=None,
    not_found=OpenApiResponse(
        ERROR,
        description=(
            "No such sealed record in your facilities, or your role doesn't open them (the "
            "same answer either way)."
        ),
    ),
    prefix="api-girls",
    find=_sealed,
)

SEAL_ACTIONS = [
    Action(
        "seal",
        "prisoners/<uuid:uuid>/seal/",
        "Seal a released girl's records at once, with the reason (Havana Rule 19); she is "
        "then in no list, search or page",
        services.seal_record,
        io.SealedRecordSerializer,
        io.SealInput,
        created=True,
        changes=False,
        rules=("H19",),
        perm=SEAL,
        page=Page(
            "women/<uuid:uuid>/seal/",
            SealForm,
            template="girls/her_form.html",
            context=titled(
                _("Seal her records"),
                _(
                    "She was under 18 when an episode in custody began: her records are "
                    "sealed after her release (Havana Rule 19). Once sealed, she is in no "
                    "list, search or page for anyone; only you can open her record again, "
                    "on a legal basis such as a court's order."
                ),
            ),
            done=_("Her records are sealed."),
            then=lambda result, target: reverse("girls:sealed"),
        ),
    ),
]

MATCH_ACTIONS = [
    Action(
        "decide-match",
        "prisoners/<uuid:uuid>/sealed-match/",
        "Decide whether a woman admitted is the person of a sealed record that may match her, "
        "with the reason (Havana Rule 19); a link opens nothing",
        services.decide_match,
        io.MatchDecisionSerializer,
        io.MatchInput,
        created=True,
        changes=False,
        perm=DECIDE_MATCH,
        page=Page(
            "women/<uuid:uuid>/sealed-match/",
            MatchForm,
            template="girls/her_form.html",
            form_kwargs=lambda request, woman: {
                "candidates": list(services.undecided_matches(woman))
            },
            context=titled(
                _("A sealed record may be hers"),
                _(
                    "Her date of birth and name match a sealed record. Nobody who admitted "
                    "her was told. Decide whether she is the same person: the sealed record "
                    "stays sealed either way."
                ),
            ),
            done=_("Your decision is recorded."),
            then=to("prisoners:detail", of="target", section="girls"),
        ),
    ),
]

OPEN_INTRO = titled(
    _("Open a sealed record"),
    _(
        "A sealed record is opened only on a legal basis: give its reference and why. It is "
        "open to you alone for a few days, and every read is recorded for the inspector."
    ),
)

OPEN_ACTIONS = [
    Action(
        "open-sealed",
        "girls/sealed/<uuid:uuid>/openings/",
        "Open a sealed record to yourself on a legal basis (a court's order, her own request, "
        "a provision of law), for GIRL_RECORDS_OPEN_DAYS; each read is audited",
        services.open_sealed_record,
        io.OpeningSerializer,
        io.OpenSealedInput,
        arg="sealed",
        created=True,
        changes=False,
        perm=OPEN,
        page=Page(
            "sealed/<uuid:uuid>/open/",
            OpenSealedForm,
            template="girls/sealed_form.html",
            context=lambda request, sealed: {**OPEN_INTRO(request, sealed), "record": sealed},
            done=_("The record is open to you."),
            then=to("girls:sealed-record", of="target"),
        ),
    ),
]

GROUPS = (
    (WOMAN_ACTIONS, WOMAN),
    (SEAL_ACTIONS, SEALING),
    (MATCH_ACTIONS, MATCHING),
    (OPEN_ACTIONS, SEALED),
)
