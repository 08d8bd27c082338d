from django.urls import path

from . import views

app_name = "research"

urlpatterns = [
    path("annual/", views.annual_report, name="annual"),
    path("annual/pdf/", views.annual_pdf, name="annual-pdf"),
]
