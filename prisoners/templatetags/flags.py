"""Her protection flags as a role sees them at one place (`ProtectionFlags.shown_to`)."""

from django import template

register = template.Library()


@register.simple_tag
def flag_labels(flags, user, place="page"):
    """[(label, style)] of the flags set that `user` sees at `place`; none without flags."""
    if flags is None:
        return []
    return flags.labels_for(user, place)
