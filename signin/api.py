from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.pagination import KeysetPagination

from .models import ApiToken
from .serializers import ApiTokenSerializer
from .tokens import revoke_token
from .views import TOKEN_ORDER


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
