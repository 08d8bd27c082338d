"""The account manager's view of API tokens and two-factor sign-in: she lists and revokes
anyone's tokens and resets anyone else's two-factor sign-in. No secret is ever shown: only a
hash of a token's key is stored, and django-otp's own device pages (which show the TOTP
secret) are not in the admin."""

from django.contrib import admin, messages
from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import twofactor
from .models import ApiToken, TwoFactorAccount
from .tokens import revoke_token

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class AccountManagerOnly:
    """Visible to the account manager's role only; nothing is added, edited or deleted here
    except through the actions."""

    @staticmethod
    def _manager(request) -> bool:
        role = getattr(request.user, "role", None)
        return bool(request.user.is_active and role is not None and role.manages_accounts)

    def has_module_permission(self, request):
        return self._manager(request)

    def has_view_permission(self, request, obj=None):
        return self._manager(request)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(AccountManagerOnly, admin.ModelAdmin):
    list_display = ("owner", "name", "prefix", "created_at", "last_used_at", "expires_at", "state")
    list_filter = ("revoked_reason",)
    search_fields = ("owner__username", "owner__last_name", "name", "prefix")
    list_select_related = ("owner",)
    date_hierarchy = "created_at"
    actions = ["revoke"]
    fields = (
        "owner",
        "name",
        "prefix",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
        "revoked_reason",
        "revoked_by",
    )
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).filter(owner__is_superuser=False)

    @admin.display(description=_("status"))
    def state(self, token):
        return token.status_label()

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        count = sum(
            revoke_token(token=token, by=request.user, reason=ApiToken.Revoked.ADMINISTRATOR)
            for token in queryset.select_related("owner")
        )
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(TwoFactorAccount)
class TwoFactorAccountAdmin(AccountManagerOnly, admin.ModelAdmin):
    list_display = ("username", "first_name", "last_name", "has_authenticator", "recovery_left")
    search_fields = ("username", "first_name", "last_name")
    list_filter = ("is_active",)
    actions = ["reset"]
    fields = ("username", "first_name", "last_name", "is_active")
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(is_superuser=False)
            .annotate(
                _authenticator=Exists(
                    TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
                ),
                _recovery=Count("staticdevice__token_set", distinct=True),
            )
        )

    @admin.display(description=_("authenticator app"), boolean=True)
    def has_authenticator(self, account):
        return account._authenticator

    @admin.display(description=_("recovery codes left"))
    def recovery_left(self, account):
        return account._recovery

    @admin.action(description=_("Reset two-factor sign-in (she sets it up again)"))
    def reset(self, request, queryset):
        done = 0
        for account in queryset:
            if account.pk == request.user.pk:
                self.message_user(
                    request,
                    _("Your own two-factor sign-in is reset by another account manager."),
                    messages.ERROR,
                )
                continue
            twofactor.reset_two_factor(user=account, by=request.user)
            done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "Two-factor sign-in reset for %(count)d account.",
                    "Two-factor sign-in reset for %(count)d accounts.",
                    done,
                )
                % {"count": done},
                messages.SUCCESS,
            )
