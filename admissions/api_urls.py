from django.urls import path

from . import api

urlpatterns = [
    path("admissions/", api.AdmissionList.as_view(), name="api-admission-list"),
    path(
        "admissions/returning/",
        api.FindReturningWoman.as_view(),
        name="api-admission-find-returning",
    ),
    path("admissions/<uuid:uuid>/", api.AdmissionDetail.as_view(), name="api-admission-detail"),
    path(
        "admissions/<uuid:uuid>/rights/",
        api.RecordRightsOffer.as_view(),
        name="api-admission-rights",
    ),
    path(
        "admissions/<uuid:uuid>/complete/",
        api.CompleteAdmission.as_view(),
        name="api-admission-complete",
    ),
    path(
        "admissions/<uuid:uuid>/allocation/",
        api.Allocate.as_view(),
        name="api-admission-allocation",
    ),
    path(
        "admissions/<uuid:uuid>/property/",
        api.PropertyList.as_view(),
        name="api-admission-property",
    ),
    path(
        "admissions/<uuid:uuid>/property/sign/",
        api.SignPropertyInventory.as_view(),
        name="api-admission-property-sign",
    ),
    path(
        "admissions/<uuid:uuid>/suspension-requests/",
        api.SuspensionRequestList.as_view(),
        name="api-admission-suspension-requests",
    ),
    path(
        "suspension-requests/<uuid:uuid>/decision/",
        api.DecideSuspension.as_view(),
        name="api-suspension-decision",
    ),
    path(
        "admissions/<uuid:uuid>/transfer/",
        api.TransferWoman.as_view(),
        name="api-admission-transfer",
    ),
    path(
        "admissions/<uuid:uuid>/release/",
        api.ReleaseWoman.as_view(),
        name="api-admission-release",
    ),
    path("prisoners/<uuid:uuid>/family/", api.FamilyList.as_view(), name="api-prisoner-family"),
    *api.transfer_decision_urls,
]
