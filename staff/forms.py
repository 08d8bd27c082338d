from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
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
