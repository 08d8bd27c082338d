from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from authority.views import holds_any_authority


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
    items = [(_("Dashboard"), reverse("dashboard"))]
    if role is not None and role.case_data:
        items.append((_("Women"), reverse("prisoners:list")))
        if user.has_perm("admissions.add_admission"):
            items.append((_("Admit a woman"), reverse("admissions:new")))
        if user.has_perm("reminders.change_reminder"):
            items.append((_("My tasks"), reverse("reminders:tasks")))
        if user.has_perm("visits.add_visit"):
            items.append((_("Visits today"), reverse("visits:today")))
        if user.has_perm("complaints.view_heldaction"):
            items.append((_("Held for review"), reverse("complaints:held-list")))
        if holds_any_authority(user):
            items.append((_("Authorities waiting"), reverse("authority:queue")))
        if user.has_perm("girls.view_guardiannotice"):
            items.append((_("Girls"), reverse("girls:index")))
        if user.has_perm("pretrial.add_hearing") or user.has_perm("pretrial.change_hearing"):
            items.append((_("Court dates"), reverse("pretrial:index")))
        if user.has_perm("hygiene.add_stockcheck"):
            items.append((_("Hygiene"), reverse("hygiene:index")))
        if user.has_perm("facilities.oversee_facility"):
            items.append((_("Oversight"), reverse("oversight:overview")))
            items.append((_("Statistics"), reverse("research:annual")))
        if user.has_perm("inspections.view_visit"):
            items.append((_("Inspections"), reverse("inspections:index")))
    # Every member of staff: the changes of her access waiting for confirmation, the training
    # she records; a governor's and an administrator's decisions.
    items.append((_("Changes of access"), reverse("accounts:changes")))
    if role is not None and role.manages_accounts:
        items.append((_("Accounts and facilities"), reverse("admin:index")))
    items.append((_("API documentation"), reverse("api-docs")))
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
