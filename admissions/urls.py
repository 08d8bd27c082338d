from django.urls import path

from . import views

app_name = "admissions"
urlpatterns = [
    path("new/", views.new_admission, name="new"),
    path("<uuid:uuid>/", views.admission_detail, name="detail"),
    path("<uuid:uuid>/rights/", views.offer_right, name="offer-right"),
    path("<uuid:uuid>/children/", views.add_child, name="add-child"),
    path("<uuid:uuid>/family/", views.add_family_member, name="add-family"),
    path("<uuid:uuid>/allocation/", views.allocate, name="allocate"),
    path("<uuid:uuid>/property/", views.add_property, name="add-property"),
    path("<uuid:uuid>/property/sign/", views.sign_property, name="sign-property"),
    path("<uuid:uuid>/suspension/", views.request_suspension, name="request-suspension"),
    path(
        "<uuid:uuid>/suspension/<uuid:request_uuid>/",
        views.decide_suspension,
        name="decide-suspension",
    ),
    path("<uuid:uuid>/transfer/", views.transfer, name="transfer"),
    path("<uuid:uuid>/release/", views.release, name="release"),
    path("<uuid:uuid>/complete/", views.complete, name="complete"),
    path("<uuid:uuid>/information-sheet/", views.information_sheet, name="information-sheet"),
]
