from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "complaints"

urlpatterns = [
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("held/", views.held_list, name="held-list"),
    *page_urls(actions.LODGING, actions.HERS),
    *page_urls(actions.ACTIONS, actions.AREA),
    # `complaints:act` with a step the routes above don't offer: 404, as it always was.
    path("<uuid:uuid>/<slug:step>/", views.no_such_step, name="act"),
]
