from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def two_factor_off() -> bool:
    """Whether two-factor sign-in is off (only in the `make run` demo)."""
    return not settings.OTP_REQUIRED
