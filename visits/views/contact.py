"""Her contact other than visits (Rule 26): calls, letters and travel support, page by page.
Recording one is an action (`visits.actions`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from bangkok.pagination import paginate
from prisoners.permissions import access_woman

from ..permissions import ADD_CONTACT, VIEW_CONTACT
from ..reading import contacts_of, label_contacts


@login_required
@require_safe
def contact_list(request, uuid):
    woman = access_woman(request.user, uuid, VIEW_CONTACT)
    paged = paginate(request, contacts_of(woman), fields=("-at", "-id"))
    paged["page"].items = label_contacts(request.user, paged["page"].items)
    can_add = request.user.has_perm(ADD_CONTACT)
    return render(request, "visits/contacts.html", {"woman": woman, "can_add": can_add, **paged})
