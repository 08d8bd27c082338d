from django.urls import path

from . import views

app_name = "research"

urlpatterns = [
    path("annual/", views.annual_report, name="annual"),
    path("annual/print/", views.annual_print, name="annual-print"),
]
