from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "admissions"
urlpatterns = [
    path("<uuid:uuid>/", views.admission_detail, name="detail"),
    path("<uuid:uuid>/steps/<slug:step>/", views.admission_step, name="step"),
    path("women/<uuid:uuid>/home/", views.home_page, name="home"),
    *page_urls(actions.ACTIONS, actions.AREA),
    *page_urls(actions.PAGE_ACTIONS, actions.AREA),
    *page_urls(actions.HOME_ACTIONS, actions.AREA),
    path("<uuid:uuid>/information-sheet/", views.information_sheet, name="information-sheet"),
]
