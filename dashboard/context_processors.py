import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from authority.views import holds_any_authority

# Her role's links to the areas she works in, in order: (label, URL name, what shows it): any
# of some permissions, or `AUTHORITY`, holding any authority (`authority.views`).
AUTHORITY = "authority"
CASE_LINKS = (
    (_("Women"), "prisoners:list", ()),
    (_("Admit a woman"), "admissions:new", ("admissions.add_admission",)),
    (_("My tasks"), "reminders:tasks", ("reminders.change_reminder",)),
    (_("Visits today"), "visits:today", ("visits.add_visit",)),
    (_("Held for review"), "complaints:held-list", ("complaints.view_heldaction",)),
    (_("Authorities waiting"), "authority:queue", AUTHORITY),
    (_("Girls"), "girls:index", ("girls.view_guardiannotice",)),
    (_("Court dates"), "pretrial:index", ("pretrial.add_hearing", "pretrial.change_hearing")),
    (_("Hygiene"), "hygiene:index", ("hygiene.add_stockcheck",)),
    (_("Oversight"), "oversight:overview", ("facilities.oversee_facility",)),
    (_("Statistics"), "research:annual", ("facilities.oversee_facility",)),
    (_("Inspections"), "inspections:index", ("inspections.view_visit",)),
)


def navigation(request):
    """The service navigation for the signed-in user's role (nothing for anonymous users).

    Made once a request: every template rendered with the request runs the context
    processors again, and her page renders each of its sixteen sections so."""
    user = getattr(request, "user", None)
    key = (get_language(), user.pk if user is not None and user.is_authenticated else None)
    made = getattr(request, "_navigation", None)
    if made is None or made[0] != key:
        made = request._navigation = (key, _navigation(request, user))
    return made[1]


def _navigation(request, user) -> dict:
    if user is None or not user.is_authenticated:
        return {"nav": [], "role_label": ""}
    role = user.role
    shown: tuple[int, ...] = ()
    if role is not None and role.case_data:
        shown = tuple(
            number
            for number, (_label, _name, needs) in enumerate(CASE_LINKS)
            if (
                holds_any_authority(user)
                if needs == AUTHORITY
                else not needs or any(user.has_perm(perm) for perm in needs)
            )
        )
    manages = role is not None and role.manages_accounts
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    items = _links(get_language(), get_script_prefix(), urlconf, shown, manages)
    path = request.path
    nav = [
        {
            "label": label,
            "url": url,
            "active": path == url if url == "/" else path.startswith(url),
        }
        for label, url in items
    ]
    return {"nav": nav, "role_label": role.label if role else ""}


@functools.lru_cache(maxsize=512)
def _links(
    language: str, prefix: str, urlconf: str, shown: tuple[int, ...], manages: bool
) -> tuple[tuple[str, str], ...]:
    """(label, address) of each link of a navigation: the same for every member of staff
    with the same links shown in the same language, so made once a process for each (the
    addresses' prefix and address book in the key, as `reverse` reads them)."""
    del language, prefix  # in the key: `reverse` and the labels read them

    def link(label, name) -> tuple[str, str]:
        return str(label), reverse(name, urlconf=urlconf)

    items = [link(_("Dashboard"), "dashboard")]
    items += [link(*CASE_LINKS[number][:2]) for number in shown]
    # Every member of staff: the changes of her access waiting for confirmation, the training
    # she records; a governor's and an administrator's decisions.
    items.append(link(_("Changes of access"), "accounts:changes"))
    if manages:
        items.append(link(_("Accounts and facilities"), "admin:index"))
    items.append(link(_("API documentation"), "api-docs"))
    return tuple(items)
