"""What staff do with classifications (Rules 8, 40, 41), each declared once for the API and
the page (`bangkok.actions`). A woman outside the caller's facilities, or a role that doesn't
read classifications or may not classify, is the 404 of a woman who doesn't exist; a refusal
under a Rule is a 409 (beside the form on a page) naming it, with nothing written."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, to
from bangkok.schema import ERROR

from . import api, reading, services
from . import serializers as io
from .forms import ClassifyForm
from .models import Classification
from .permissions import access_her_classification

TAG = api.TAG
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role doesn't read classifications (the "
        "same answer either way)."
    ),
)
AREA = Area(
    tag=TAG, access=access_her_classification, not_found=NOT_FOUND, prefix="api-classification"
)
RULES = ("41", "8")
REFUSALS = (
    "Refused (409) naming the rule, nothing written: a level above the tool's default without "
    "reasons from the list and a rationale (41), for her mental-health needs alone (41), for "
    "violence she has experienced (41), or for an item she declined (8). The tool's default "
    "is computed from the risk factors alone; the needs inputs go to her plan."
)


def _answer(request, result) -> dict:
    return io.ClassificationSerializer(result, context={"request": request}).data


def _classified_already(request, woman):
    current = services.classified_since_admission(woman)
    if current is None:
        return None
    messages.info(request, _("She is classified already: review her classification instead."))
    return redirect(reverse("classification:detail", kwargs={"uuid": current.uuid}))


def _replaced(request, classification):
    if classification.superseded_at is None:
        return None
    messages.info(request, _("A later classification replaced this one."))
    return redirect(reverse("classification:list", kwargs={"uuid": classification.prisoner.uuid}))


ACTIONS = [
    Action(
        "classify",
        "prisoners/<uuid:uuid>/classifications/",
        "Classify her after her admission with the gender-sensitive tool (Rules 40, 41)",
        services.classify,
        io.ClassificationSerializer,
        io.ClassifyInput,
        created=True,
        rules=RULES,
        perm=services.RECORD,
        reads=api.HerClassifications,
        answer=_answer,
        description=(
            "Social workers and the governor of her facility. Closes the task to classify "
            "her; 400 once she is classified since her admission (review it instead). " + REFUSALS
        ),
        page=Page(
            "women/<uuid:uuid>/classify/",
            ClassifyForm,
            template="classification/classify.html",
            instead=_classified_already,
            done=_("Classification recorded. She is given her level and its reasons."),
            then=to("classification:detail"),
        ),
    ),
    Action(
        "review",
        "classifications/<uuid:uuid>/review/",
        "Review her classification (Rules 40, 41)",
        services.review_classification,
        io.ClassificationSerializer,
        io.ClassificationReviewInput,
        model=Classification,
        arg="classification",
        created=True,
        rules=RULES,
        perm=services.RECORD,
        answer=_answer,
        description=(
            "Her current classification, named with its version (If-Match): a new one "
            "replaces it; 400 if another already has. Closes its review tasks. " + REFUSALS
        ),
        page=Page(
            "<uuid:uuid>/review/",
            ClassifyForm,
            template="classification/review.html",
            form_kwargs=lambda request, classification: {"review": True},
            context=lambda request, classification: reading.detail(request.user, classification),
            instead=_replaced,
            done=_("Review recorded. She is given her level and its reasons."),
            then=to("classification:detail"),
        ),
    ),
]
