from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "release"

urlpatterns = [
    path("", views.upcoming, name="upcoming"),
    path("<uuid:uuid>/", views.plan, name="plan"),
    path("<uuid:uuid>/copy/<slug:kind>/", views.records_copy, name="print"),
    *page_urls(actions.ACTIONS, actions.AREA),
    *page_urls(actions.COPY_ACTIONS, actions.COPIES),
]
