from django.urls import path

from .views import contact, visitors, visits

app_name = "visits"

urlpatterns = [
    path("women/<uuid:uuid>/visitors/", visitors.visitor_list, name="visitors"),
    path("women/<uuid:uuid>/visitors/new/", visitors.add_visitor, name="add-visitor"),
    path("visitors/<uuid:uuid>/consultation/", visitors.consult, name="consult"),
    path("visitors/<uuid:uuid>/court-order/", visitors.court_order, name="court-order"),
    path("visitors/<uuid:uuid>/withdraw/", visitors.withdraw, name="withdraw"),
    path(
        "visitors/<uuid:uuid>/withdraw-by-prison/",
        visitors.withdraw_by_prison,
        name="withdraw-by-prison",
    ),
    path("women/<uuid:uuid>/visits/", visits.visit_list, name="visits"),
    path("women/<uuid:uuid>/visits/new/", visits.book, name="book"),
    path("visits/<uuid:uuid>/", visits.visit_detail, name="visit"),
    path("visits/<uuid:uuid>/held/", visits.record_held, name="held"),
    path("visits/<uuid:uuid>/cancel/", visits.cancel, name="cancel"),
    path("women/<uuid:uuid>/contacts/", contact.contact_list, name="contacts"),
    path("women/<uuid:uuid>/contacts/new/", contact.add_contact, name="add-contact"),
    path("today/", visits.today, name="today"),
]
