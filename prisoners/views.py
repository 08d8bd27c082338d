import functools
from html import escape

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from bangkok.addresses import for_each
from bangkok.exports import FORMATS, download
from bangkok.forms import govuk_styled
from bangkok.pagination import paginate

from . import exports
from .filters import LIST_COLUMNS, PrisonerFilter
from .models import CustodyStatus, LegalStatus, Prisoner, juvenile_on
from .permissions import access_prisoner, prisoners_visible_to
from .sections import open_section, sections_for
from .services import placement_refusals
from .templatetags.flags import flags_writer

LIST_ORDER = exports.LIST_ORDER
# The id of the list's unit filter, which htmx asks for alone once a facility is chosen.
UNIT_FILTER = "unit-filter"


@login_required
@require_safe
@vary_on_headers("HX-Target")
def prisoner_list(request):
    """Find a woman: search by name or number, filter, keyset pages (constant queries). For
    htmx following a facility chosen, the unit filter alone, its units offered."""
    if not request.user.has_perm("prisoners.view_prisoner"):
        raise PermissionDenied
    params = request.GET.copy()
    params.setdefault("custody_status", CustodyStatus.IN_CUSTODY)
    # The women she sees are built only for a query built each time (a search by name): a
    # shape builds its own (`PrisonerFilter.shape`); the filterset's own query is no woman.
    filterset = PrisonerFilter(params, queryset=Prisoner.objects.none(), request=request)
    if request.htmx and request.htmx.target == UNIT_FILTER:
        form = govuk_styled(filterset.form)
        return render(request, "prisoners/_unit_filter.html", {"form": form})
    valid = filterset.is_valid()
    shape = filterset.shape(request.user) if valid else None
    qs = None
    if shape is None:
        chosen = filterset.form.cleaned_data if valid else None
        base = prisoners_visible_to(request.user)
        qs = base.none() if chosen is None else filterset.filter_with(base, chosen)
    paged = paginate(request, qs, fields=LIST_ORDER, columns=LIST_COLUMNS, shape=shape)
    return render(
        request,
        "prisoners/list.html",
        {
            "form": govuk_styled(filterset.form),
            "searched": any(request.GET.get(k) for k in ("q", "facility", "unit", "legal_status")),
            "query": _without_cursor(request),
            "rows": rows(request.user, paged["page"].items),
            **paged,
        },
    )


# A woman's row in the list: written here rather than in the list's template, where fifty rows
# of a dozen variables and tags each were most of its rendering; each value escaped as the
# template would (`escape`: the standard library's, which Django's wraps), and what is the same
# for many rows (a legal status, a set of flags) written once a request.
ROW = """        <tr class="govuk-table__row">
          <td class="govuk-table__cell"><a class="govuk-link" href="{address}">{family_name}, \
{given_names}</a>{girl}</td>
          <td class="govuk-table__cell">{number}</td>
          <td class="govuk-table__cell">{where}</td>
          <td class="govuk-table__cell">{status}{released}</td>
          <td class="govuk-table__cell">{flags}
</td>
        </tr>
"""


def rows(user, women) -> str:
    """The markup of the list's rows of `women` (rows of `LIST_COLUMNS`), as `user` sees them
    (her protections)."""
    girl = format_html(' <strong class="govuk-tag govuk-tag--purple">{}</strong>', _("Under 18"))
    released = format_html('<br><span class="govuk-body-s">{}</span>', _("Released"))
    her_page = for_each("prisoners:detail")
    statuses = {value: escape(str(label)) for value, label in LegalStatus.choices}
    flags = flags_writer(user, "list", columns="flags__")
    today = timezone.localdate()
    written = "".join(
        ROW.format(
            address=escape(her_page(woman.uuid)),
            family_name=escape(woman.family_name),
            given_names=escape(woman.given_names),
            girl=girl if juvenile_on(woman.date_of_birth, today) else "",
            number=escape(woman.prison_number),
            where=escape(
                woman.facility__code + (f" / {woman.unit__code}" if woman.unit__code else "")
            ),
            status=statuses.get(woman.legal_status) or escape(woman.legal_status),
            released=released if woman.custody_status == CustodyStatus.RELEASED else "",
            flags=flags(woman),
        )
        for woman in women
    )
    return mark_safe(written)  # noqa: S308 (every value escaped)


def _without_cursor(request) -> str:
    params = request.GET.copy()
    params.pop("cursor", None)
    return params.urlencode()


@login_required
@require_safe
def prisoner_export(request):
    """The list as a file (`format`: csv, ods or xlsx), with the page's filters, audited."""
    if not request.user.has_perm("prisoners.view_prisoner"):
        raise PermissionDenied
    fmt = request.GET.get("format", "csv")
    if fmt not in FORMATS:
        return HttpResponseBadRequest(_("Choose a format: csv, ods or xlsx."))
    params = request.GET.copy()
    params.pop("format", None)
    table = exports.women(request, params)
    if table is None:
        return HttpResponseBadRequest(_("Check the search and filters."))
    return download(table, fmt, by=request.user)


def wrong_where_she_lives(prisoner) -> list[str]:
    """What the Rules forbid about the unit she lives on now (a birthday, a sentence or a child
    can make a lawful move unlawful later): said on her page until she is moved."""
    if prisoner.unit is None or prisoner.custody_status != CustodyStatus.IN_CUSTODY:
        return []
    return [
        str(refusal)
        for refusal in placement_refusals(
            prisoner, prisoner.unit, child_with_her=prisoner.flags.child_in_prison
        )
    ]


# A section listed on her page, closed: its body is read when it is opened, at its own address
# (`prisoner_section`), swapped in here by htmx. Written here rather than in her page's
# template, where a loop over twenty sections was a third of its rendering.
CLOSED = """<section class="govuk-!-margin-top-6" aria-labelledby="section-{key}">
  <h2 class="govuk-heading-m" id="section-{key}">{title}</h2>
  <div id="section-body-{key}">
    <p class="govuk-body"><a class="govuk-link" href="{address}" hx-get="{address}" \
hx-target="#section-body-{key}" hx-swap="innerHTML" data-section="{key}">{open_it}\
<span class="govuk-visually-hidden">: {title}</span></a></p>
  </div>
</section>
"""


def closed(path: str, sections) -> str:
    """The markup of `sections` listed closed on her page (at `path`), none of them read:
    written once a process for each language and list of sections, her page's address put in
    (escaping a string is escaping each of its characters: the address escaped alone is the
    same as within the section's)."""
    written = _closed(get_language(), tuple(sections))
    return mark_safe(written.replace(_PATH, conditional_escape(path)))  # noqa: S308 (escaped)


_PATH = "\x00"  # where her page's address goes: no address holds it, escaping leaves it


@functools.lru_cache(maxsize=256)
def _closed(language: str, sections: tuple) -> str:
    del language  # in the key: the sections' titles are written in it
    open_it = _("Open this section")
    return format_html_join(
        "",
        CLOSED,
        (
            {
                "key": section.key,
                "title": section.title,
                "address": f"{_PATH}sections/{section.key}/",
                "open_it": open_it,
            }
            for section in sections
        ),
    )


@login_required
@require_safe
def prisoner_detail(request, uuid):
    """Her page: the core record, her protection flags, then the rule areas' sections she may
    see, each read when it is opened (`prisoner_section`)."""
    prisoner = access_prisoner(request.user, uuid)
    return render(
        request,
        "prisoners/detail.html",
        {
            "prisoner": prisoner,
            "flags": prisoner.flags,
            "sections": closed(request.path, sections_for(request, prisoner)),
            "where_she_lives_wrong": wrong_where_she_lives(prisoner),
        },
    )


@login_required
@require_safe
@vary_on_headers("HX-Request")
def prisoner_section(request, uuid, key):
    """One section of her page, read when it is opened: its body alone for htmx (swapped into
    her page), else a page of its own (without JavaScript). A section she doesn't see is the
    404 of a woman who doesn't exist."""
    prisoner = access_prisoner(request.user, uuid)
    section, html = open_section(request, prisoner, key)
    if request.htmx:
        return HttpResponse(html)
    context = {"prisoner": prisoner, "section": section, "html": html}
    return render(request, "prisoners/section.html", context)
