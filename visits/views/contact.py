"""Her contact other than visits (Rule 26): calls, letters and travel support, page by page,
and recording one."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from bangkok.pagination import paginate
from prisoners.permissions import access_woman

from ..forms import ContactForm
from ..permissions import ADD_CONTACT, VIEW_CONTACT
from ..reading import contacts_of, label_contacts
from ..services.contact import record_contact
from .common import approved_visitors, form_page, her_children, submit


@login_required
@require_safe
def contact_list(request, uuid):
    woman = access_woman(request.user, uuid, VIEW_CONTACT)
    paged = paginate(request, contacts_of(woman), fields=("-at", "-id"))
    paged["page"].items = label_contacts(request.user, paged["page"].items)
    can_add = request.user.has_perm(ADD_CONTACT)
    return render(request, "visits/contacts.html", {"woman": woman, "can_add": can_add, **paged})


@login_required
@require_http_methods(["GET", "POST"])
def add_contact(request, uuid):
    woman = access_woman(request.user, uuid, ADD_CONTACT)
    options = {
        "approved": approved_visitors(request.user, woman),
        "children": her_children(request.user, woman),
    }

    def again(form, status=200):
        return form_page(
            request,
            woman=woman,
            form=form,
            title=_("Record contact with her family"),
            intro=_(
                "Calls, letters and support for a family far away keep her in touch (Rule 26)."
            ),
            button=_("Record the contact"),
            testid="contact-form",
            status=status,
        )

    if request.method == "GET":
        return again(ContactForm(**options))
    return submit(
        request,
        ContactForm(request.POST, **options),
        lambda **data: record_contact(by=request.user, prisoner=woman, **data),
        done=_("Contact recorded."),
        then=lambda _c: reverse("visits:contacts", kwargs={"uuid": woman.uuid}),
        again=again,
    )
