from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import path
from django.views.decorators.http import require_POST

from bangkok.actions import page_urls, page_view

from . import actions
from .views.screening import clinical_file

HIV_STEPS = ("hiv-pre", "hiv-sample", "hiv-result", "hiv-post")
STEP_VIEWS = {
    name.removeprefix("hiv-"): page_view(actions.NAMED[name], actions.AREA) for name in HIV_STEPS
}


@login_required
@require_POST
def hiv_step(request, uuid, step):
    """The steps of an HIV test share one form and one address, the step named in it."""
    if step not in STEP_VIEWS:
        raise Http404("No such step.")
    return STEP_VIEWS[step](request, uuid=uuid)


app_name = "health"
urlpatterns = [
    path("women/<uuid:uuid>/", clinical_file, name="file"),
    path("hiv/<uuid:uuid>/<slug:step>/", hiv_step, name="hiv-step"),
    *page_urls([a for a in actions.ACTIONS if a.name not in HIV_STEPS], actions.AREA),
]
