from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.validators import MaxLengthValidator

from bangkok.forms import NamedErrors


class UsernameLengthMixin:
    """Django's sign-in form sets the username's max_length after the field is built, so the
    length is never checked and a name longer than any column reaches authenticate() and
    django-axes' attempt record (a 500). Here it is a form error, before anyone looks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class AdminLoginForm(NamedErrors, UsernameLengthMixin, AdminAuthenticationForm):
    pass


class LoginForm(NamedErrors, UsernameLengthMixin, AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            {
                "class": "govuk-input govuk-!-width-one-half",
                "autocomplete": "username",
                "spellcheck": "false",
                "autocapitalize": "none",
            }
        )
        self.fields["password"].widget.attrs.update(
            {"class": "govuk-input govuk-!-width-one-half", "autocomplete": "current-password"}
        )


class PasswordForm(NamedErrors, PasswordChangeForm):
    """Her own new password, its errors naming their fields."""
