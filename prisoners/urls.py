from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "prisoners"
urlpatterns = [
    path("", views.prisoner_list, name="list"),
    path("export/", views.prisoner_export, name="export"),
    path("<uuid:uuid>/", views.prisoner_detail, name="detail"),
    *page_urls(actions.ACTIONS, actions.AREA),
]
