"""Her visitor list pages (Rule 44): add a person, record her consultation and answer, a
court order, her withdrawal of a visitor; and the whole list, page by page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from bangkok.forms import carrying
from bangkok.pagination import paginate
from prisoners.permissions import access_woman

from ..forms import ConsultationForm, CourtOrderForm, PrisonWithdrawForm, VisitorForm, WithdrawForm
from ..permissions import (
    ADD_VISITOR,
    ANY_VISITOR_VIEW,
    CHANGE_VISITOR,
    access_visitor,
    sees_child_identity,
)
from ..reading import labelled, visitors_for
from ..services import prison
from ..services import visitors as services
from .common import form_page, her_children, submit


def _list_url(woman) -> str:
    return reverse("visits:visitors", kwargs={"uuid": woman.uuid})


@login_required
@require_safe
def visitor_list(request, uuid):
    woman = access_woman(request.user, uuid, *ANY_VISITOR_VIEW)
    paged = paginate(request, visitors_for(request.user, woman), fields=("added_at", "id"))
    paged["page"].items = labelled(request.user, paged["page"].items)
    return render(
        request,
        "visits/visitors.html",
        {
            "woman": woman,
            **paged,
            "full": request.user.has_perm("visits.view_visitor"),
            "can_change": request.user.has_perm(CHANGE_VISITOR),
            "can_add": request.user.has_perm(ADD_VISITOR),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_visitor(request, uuid):
    woman = access_woman(request.user, uuid, ADD_VISITOR)
    children = her_children(request.user, woman) if sees_child_identity(request.user) else []

    def again(form, status=200):
        return form_page(
            request,
            woman=woman,
            form=form,
            title=_("Add a person to her visitor list"),
            intro=_("They can visit only once she has been consulted and agrees (Rule 44)."),
            button=_("Add to her list"),
            testid="visitor-form",
            status=status,
        )

    if request.method == "GET":
        return again(VisitorForm(children=children))
    return submit(
        request,
        VisitorForm(request.POST, children=children),
        lambda **data: services.add_visitor(by=request.user, prisoner=woman, **data),
        done=_("Added to her list: consult her before anyone visits."),
        then=lambda _v: _list_url(woman),
        again=again,
    )


def _visitor_form(*, form_class, verb, title, intro, button, done, testid):
    """A GET/POST page about one of her visitors (social workers, Rule 44)."""

    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request, uuid):
        visitor = access_visitor(request.user, uuid, CHANGE_VISITOR)
        woman = visitor.prisoner
        visitor.shown_name = labelled(request.user, [visitor])[0].shown_name

        def again(form, status=200):
            page_title = f"{title}: {visitor.shown_name}"
            return form_page(
                request,
                woman=woman,
                form=form,
                title=page_title,
                intro=intro,
                button=button,
                testid=testid,
                status=status,
            )

        if request.method == "GET":
            return again(carrying(form_class(), visitor))
        return submit(
            request,
            form_class(request.POST),
            lambda **data: verb(by=request.user, visitor=visitor, **data),
            record=visitor,
            done=str(done),
            then=lambda _v: _list_url(woman),
            again=again,
        )

    return view


consult = _visitor_form(
    form_class=ConsultationForm,
    verb=services.record_consultation,
    title=gettext_lazy("Her answer about a visitor"),
    intro=gettext_lazy(
        "Ask her, in a language she understands and away from others, whether she agrees to "
        "this person visiting her. Her refusal stands (Rule 44)."
    ),
    button=gettext_lazy("Record her answer"),
    done=gettext_lazy("Her answer is recorded."),
    testid="consultation-form",
)
court_order = _visitor_form(
    form_class=CourtOrderForm,
    verb=services.approve_by_court_order,
    title=gettext_lazy("Record a court order"),
    intro=gettext_lazy("Only a court order approves a person she did not agree to (Rule 44)."),
    button=gettext_lazy("Record the court order"),
    done=gettext_lazy("Court order recorded: the visitor is approved."),
    testid="court-order-form",
)
withdraw = _visitor_form(
    form_class=WithdrawForm,
    verb=services.withdraw_visitor,
    title=gettext_lazy("Withdraw a visitor"),
    intro=gettext_lazy(
        "She may withdraw a visitor at any time; visits booked with them are cancelled."
    ),
    button=gettext_lazy("Withdraw the visitor"),
    done=gettext_lazy("Visitor withdrawn."),
    testid="withdraw-form",
)
withdraw_by_prison = _visitor_form(
    form_class=PrisonWithdrawForm,
    verb=prison.ask_to_withdraw_visitor,
    title=gettext_lazy("The prison withdraws a visitor"),
    intro=gettext_lazy(
        "Only as strictly required for security and order, saying why (Mandela Rule 43.3); "
        "never her child (Rule 23). They stay on her list until a governor confirms it."
    ),
    button=gettext_lazy("Ask a governor to confirm"),
    done=gettext_lazy("Recorded: it takes effect when a governor confirms it."),
    testid="prison-withdraw-form",
)
