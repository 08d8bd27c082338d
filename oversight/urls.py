from django.urls import path

from . import views

app_name = "oversight"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("records/<slug:key>/", views.records, name="records"),
    path("must-be-zero/<slug:key>/", views.cases, name="cases"),
    path("must-be-zero/<slug:key>/refused/", views.attempts, name="attempts"),
    path("first-cases/", views.first_cases, name="first-cases"),
    path("reads/", views.reads, name="reads"),
    path("export/<slug:name>/", views.export, name="export"),
    path("export/<slug:name>/<slug:key>/", views.export, name="export-key"),
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/facilities/", views.indicator_facilities, name="indicator-facilities"),
    path("indicators/<slug:key>/", views.indicator, name="indicator"),
]
