from django.urls import path

from .views import charges, contact, segregation

app_name = "discipline"

urlpatterns = [
    path("women/<uuid:uuid>/charges/new/", charges.lay_charge, name="lay-charge"),
    path("charges/<uuid:uuid>/", charges.charge_detail, name="charge"),
    path("charges/<uuid:uuid>/decision/", charges.decide, name="decide"),
    path("charges/<uuid:uuid>/sanctions/", charges.impose, name="impose"),
    path("sanctions/<uuid:uuid>/review/", charges.review, name="review"),
    path("women/<uuid:uuid>/segregate/", segregation.segregate, name="segregate"),
    path("segregations/<uuid:uuid>/", segregation.segregation_detail, name="segregation"),
    path("segregations/<uuid:uuid>/visits/", segregation.record_visit, name="visit"),
    path("segregations/<uuid:uuid>/extend/", segregation.extend, name="extend"),
    path("segregations/<uuid:uuid>/end/", segregation.end, name="end"),
    path("women/<uuid:uuid>/contact-restrictions/new/", contact.restrict, name="restrict"),
]
