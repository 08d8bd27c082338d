"""Her protection flags as a role sees them at one place (`ProtectionFlags.shown_to`)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def flag_labels(flags, user, place="page"):
    """[(label, style)] of the flags set that `user` sees at `place`; none without flags."""
    if flags is None:
        return []
    return flags.labels_for(user, place)


@register.simple_tag(takes_context=True)
def flag_list(context, flags, place="page"):
    """The list of the flags set that the request's user sees at `place` (nothing without
    one), written here rather than by a template included for each row of a list of women (a
    list of fifty spent two fifths of its rendering including it)."""
    return flags_markup(flags, context["request"].user, place)


def flags_markup(flags, user, place="page") -> str:
    """`flag_list`'s markup, for `user`."""
    shown = flag_labels(flags, user, place)
    if not shown:
        return ""
    items = format_html_join(
        "", '<li class="bk-flag bk-flag--{}">{}</li>', ((style, label) for label, style in shown)
    )
    return format_html(
        '\n<ul class="bk-flags" aria-label="{}">\n  {}\n</ul>', _("Protections"), items
    )
