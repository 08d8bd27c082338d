from django.contrib.auth.backends import ModelBackend


class StaffBackend(ModelBackend):
    """Django's model backend, except that a superuser never signs in on the web or the API
    (her account is for management commands): neither her password nor an existing session
    authenticates her."""

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not getattr(user, "is_superuser", False)
