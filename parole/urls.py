from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "parole"

urlpatterns = [
    path("women/<uuid:uuid>/", views.her_page, name="her"),
    path("women/<uuid:uuid>/leave/", views.her_leave, name="leave-list"),
    path("leave/<uuid:uuid>/", views.leave_detail, name="leave"),
    path("parole-review/<uuid:uuid>/", views.parole_review_detail, name="parole-review"),
    path("protective-custody/<uuid:uuid>/", views.custody_detail, name="custody"),
    path("home-transfers/<uuid:uuid>/", views.home_transfer_detail, name="home-transfer"),
    *page_urls(actions.ACTIONS, actions.AREA),
]
