from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .models import ApiToken


class ApiTokenSerializer(serializers.ModelSerializer):
    """A token as its owner sees it: never its key (that is shown once, when issued)."""

    id = serializers.UUIDField(source="uuid", read_only=True)
    status = serializers.SerializerMethodField(help_text=_("active, idle, expired or revoked"))
    idle_expires_at = serializers.DateTimeField(read_only=True)
    revoked_reason = serializers.SerializerMethodField(
        help_text=_(
            "Why it was revoked (owner, administrator, password, reset, deactivated, locked, "
            "withdrawn), or null."
        )
    )
    current = serializers.SerializerMethodField(
        help_text=_("Whether this request came with this token.")
    )

    class Meta:
        model = ApiToken
        fields = [
            "id",
            "name",
            "prefix",
            "created_at",
            "last_used_at",
            "expires_at",
            "idle_expires_at",
            "revoked_at",
            "revoked_reason",
            "status",
            "current",
        ]
        read_only_fields = fields

    def get_revoked_reason(self, token) -> str | None:
        return token.revoked_reason or None

    def get_status(self, token) -> str:
        return token.status()

    def get_current(self, token) -> bool:
        auth = getattr(self.context.get("request"), "auth", None)
        return isinstance(auth, ApiToken) and auth.pk == token.pk


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=256, style={"input_type": "password"})
    otp = serializers.CharField(
        max_length=32,
        required=False,
        allow_blank=True,
        help_text=_(
            "A code from her authenticator app, or one of her recovery codes: required for "
            "the roles that sign in with two factors."
        ),
    )
    name = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text=_("What the token is for, to recognise it in her list of tokens."),
    )


class IssuedTokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text=_("The key: shown this once, never again."))
    id = serializers.UUIDField()
    name = serializers.CharField()
    expires_at = serializers.DateTimeField()
    idle_days = serializers.IntegerField(
        help_text=_("The token also stops working after this many days unused.")
    )
