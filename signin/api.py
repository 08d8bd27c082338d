from django.conf import settings
from django.contrib.auth import authenticate
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.pagination import KeysetPagination
from bangkok.parsers import JSONParser
from bangkok.schema import ERROR

from . import twofactor
from .models import ApiToken
from .serializers import ApiTokenSerializer, IssuedTokenSerializer, TokenRequestSerializer
from .throttling import ClientScopedRateThrottle
from .tokens import issue_token, revoke_token
from .views import TOKEN_ORDER

WRONG = gettext_lazy("Unable to log in with provided credentials.")


def _locked_out() -> Response:
    return Response(
        {"detail": _("Too many failed sign-in attempts. Try again later.")},
        status=status.HTTP_429_TOO_MANY_REQUESTS,
    )


@extend_schema(
    tags=["auth"],
    summary="Exchange a username and password (and a two-factor code) for a new API token",
    request=TokenRequestSerializer,
    responses={
        200: IssuedTokenSerializer,
        400: OpenApiResponse(
            description="Wrong username, password or code, a code missing, or missing fields"
        ),
        429: OpenApiResponse(ERROR, description="Too many attempts: locked out or throttled"),
    },
    auth=[],
)
class TokenView(APIView):
    """Token login: throttled per client address in the shared cache, locked out by
    django-axes like the login page, and asking for a two-factor code (`otp`) from those who
    sign in with one. Each success issues a new token, shown this once."""

    authentication_classes = []
    permission_classes = []
    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    throttle_classes = [ClientScopedRateThrottle]
    throttle_scope = "token"

    def post(self, request, *args, **kwargs):
        body = TokenRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        # Axes marks a lockout on the request it is given: this one, not the HttpRequest under
        # it, so that the answer is this API's 429 rather than the login page's.
        user = authenticate(request=request, username=data["username"], password=data["password"])
        if user is None or not user.is_active:
            if getattr(request, "axes_locked_out", False):
                return _locked_out()
            raise ValidationError({"non_field_errors": [str(WRONG)]})
        if twofactor.must_verify(user):
            if not twofactor.enrolled(user):
                raise ValidationError(
                    {"otp": [_("Set up two-factor sign-in by signing in on the web first.")]}
                )
            if not data.get("otp"):
                raise ValidationError(
                    {"otp": [_("A code from your authenticator app or a recovery code is needed.")]}
                )
            checked = twofactor.check_code(request=request, user=user, code=data["otp"])
            if checked.locked:
                return _locked_out()
            if not checked.ok:
                raise ValidationError({"otp": [_("That code is not right.")]})
        issued = issue_token(user=user, name=data.get("name", ""))
        return Response(
            IssuedTokenSerializer(
                {
                    "token": issued.key,
                    "id": issued.token.uuid,
                    "name": issued.token.name,
                    "expires_at": issued.token.expires_at,
                    "idle_days": settings.API_TOKEN_IDLE_DAYS,
                }
            ).data
        )


@extend_schema(tags=["auth"], summary="My API tokens (never their keys)")
class MyTokens(generics.ListAPIView):
    serializer_class = ApiTokenSerializer
    pagination_class = KeysetPagination
    keyset_fields = TOKEN_ORDER
    filter_backends = []

    def get_queryset(self):
        return ApiToken.objects.filter(owner=self.request.user)


@extend_schema(
    tags=["auth"],
    summary="Revoke one of my API tokens",
    request=None,
    responses={
        200: ApiTokenSerializer,
        404: OpenApiResponse(description="Not one of your tokens"),
    },
)
class RevokeMyToken(APIView):
    def post(self, request, uuid):
        token = ApiToken.objects.filter(owner=request.user, uuid=uuid).first()
        if token is None:
            raise Http404
        revoke_token(token=token, by=request.user, reason=ApiToken.Revoked.OWNER)
        return Response(ApiTokenSerializer(token, context={"request": request}).data)
