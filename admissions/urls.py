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
    path("<uuid:uuid>/complete/", views.complete, name="complete"),
    path("<uuid:uuid>/information-sheet/", views.information_sheet, name="information-sheet"),
]
