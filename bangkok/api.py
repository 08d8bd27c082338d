from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from .schema import ERROR


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=256, style={"input_type": "password"})


@extend_schema(
    tags=["auth"],
    summary="Exchange a username and password for an API token",
    request=TokenRequestSerializer,
    responses={
        200: inline_serializer("Token", {"token": serializers.CharField()}),
        400: OpenApiResponse(description="Wrong username or password, or missing fields"),
        429: OpenApiResponse(ERROR, description="Too many attempts: locked out or throttled"),
    },
    auth=[],
)
class TokenView(ObtainAuthToken):
    """Token login; throttled, and locked out by django-axes like the login page."""

    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            # Axes marks the lockout on the request it was given; say so, as the form does.
            if getattr(request, "axes_locked_out", False) or getattr(
                request._request, "axes_locked_out", False
            ):
                return Response(
                    {"detail": _("Too many failed sign-in attempts. Try again later.")},
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                )
            raise
