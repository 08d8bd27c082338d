from django.urls import path

from bangkok.actions import page_urls

from . import actions
from .views import contact, visitors, visits

app_name = "visits"

urlpatterns = [
    path("women/<uuid:uuid>/visitors/", visitors.visitor_list, name="visitors"),
    path("women/<uuid:uuid>/visits/", visits.visit_list, name="visits"),
    path("visits/<uuid:uuid>/", visits.visit_detail, name="visit"),
    path("women/<uuid:uuid>/contacts/", contact.contact_list, name="contacts"),
    path("today/", visits.today, name="today"),
    *(url for acts, area in actions.MOUNTED for url in page_urls(acts, area)),
]
