from django.urls import path

from bangkok.actions import page_urls

from . import actions
from .views import charges, segregation

app_name = "discipline"

urlpatterns = [
    path("charges/<uuid:uuid>/", charges.charge_detail, name="charge"),
    path("segregations/<uuid:uuid>/", segregation.segregation_detail, name="segregation"),
    *(url for group, area in actions.GROUPS for url in page_urls(group, area)),
]
