from django.urls import path

from . import api

urlpatterns = [
    path("auth/token/", api.TokenView.as_view(), name="api-token"),
    path("auth/tokens/", api.MyTokens.as_view(), name="api-auth-tokens"),
    path(
        "auth/tokens/<uuid:uuid>/revoke/",
        api.RevokeMyToken.as_view(),
        name="api-auth-token-revoke",
    ),
]
