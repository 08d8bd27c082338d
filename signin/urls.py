from django.urls import path

from . import views

app_name = "signin"

urlpatterns = [
    path("two-factor/verify/", views.verify, name="verify"),
    path("two-factor/enrol/", views.enrol, name="enrol"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery-codes"),
    path("sign-in/", views.account, name="account"),
    path("tokens/<uuid:uuid>/revoke/", views.revoke, name="revoke-token"),
]
