from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import ScopedRateThrottle


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=256, style={"input_type": "password"})


@extend_schema(
    tags=["auth"],
    summary="Exchange a username and password for an API token",
    request=TokenRequestSerializer,
    responses={
        200: inline_serializer("Token", {"token": serializers.CharField()}),
        400: OpenApiResponse(description="Wrong username or password"),
        403: OpenApiResponse(description="Locked out after repeated failures"),
        429: OpenApiResponse(description="Too many requests"),
    },
    auth=[],
)
class TokenView(ObtainAuthToken):
    """Token login; throttled, and locked out by django-axes like the login page."""

    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"
