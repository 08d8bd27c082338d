from .views import care, maternity, preventive, screening

app_name = "health"
urlpatterns = [
    *screening.urlpatterns,
    *care.urlpatterns,
    *preventive.urlpatterns,
    *maternity.urlpatterns,
]
