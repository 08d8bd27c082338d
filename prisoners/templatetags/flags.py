"""Her protection flags as a role sees them at one place (`ProtectionFlags.shown_to`)."""

from collections.abc import Callable
from operator import attrgetter

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from prisoners.models import ProtectionFlags

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
    return flags_writer(user, place)(flags)


def flags_writer(user, place="page", columns: str = "") -> Callable[[object], str]:
    """`flags_markup` for `user` at `place`, as a function of her flags that writes each set
    of flags once: a list of fifty women holds a few sets between them, and writing each row's
    anew was a third of the list's rows. Given `columns`, the function takes a row whose
    columns of that prefix are her flags (`flags__no_segregation`...; None without flags)."""
    shown = ProtectionFlags.shown_to(user, place)
    # What decides her labels (`ProtectionFlags.labels_for`): the flags shown, and whether
    # obstetric restraint is forbidden, which hides the milder restraint flag.
    decides = attrgetter(*(columns + name for name in (*shown, "no_restraint_obstetric")))
    written: dict[tuple, str] = {}

    def write(flags) -> str:
        if flags is None or not shown:
            return ""
        key = decides(flags)
        if key not in written:
            if columns:
                values = ProtectionFlags.of_row(flags, columns)
                if values is None:
                    return ""
                flags = ProtectionFlags(**values)
            written[key] = _markup(flags.labels_for(user, place))
        return written[key]

    return write


def _markup(shown: list[tuple[str, str]]) -> str:
    if not shown:
        return ""
    items = format_html_join(
        "", '<li class="bk-flag bk-flag--{}">{}</li>', ((style, label) for label, style in shown)
    )
    return format_html(
        '\n<ul class="bk-flags" aria-label="{}">\n  {}\n</ul>', _("Protections"), items
    )
