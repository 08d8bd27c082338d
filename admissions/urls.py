from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "admissions"
urlpatterns = [
    path("new/", views.new_admission, name="new"),
    path("<uuid:uuid>/", views.admission_detail, name="detail"),
    *page_urls(actions.ACTIONS, actions.AREA),
    *page_urls(actions.PAGE_ACTIONS, actions.AREA),
    path("<uuid:uuid>/information-sheet/", views.information_sheet, name="information-sheet"),
]
