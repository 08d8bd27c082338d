"""Classification pages (Rules 8, 40, 41): her classifications, one classification as the
viewer may read it, and her own copy of her classification and its reasons, in her language
where the interface has it, printable and as a PDF. The forms are declared with their actions
(`classification.actions`)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_safe

from bangkok import printing
from bangkok.pagination import paginate

from . import reading
from .permissions import access_classification, access_her_classification


@login_required
@require_GET
def her_classifications(request, uuid):
    woman = access_her_classification(request.user, uuid)
    page = paginate(request, reading.her_classifications(woman), fields=("classified_at", "id"))
    return render(request, "classification/list.html", {"woman": woman, **page})


@login_required
@require_GET
def detail(request, uuid):
    classification = access_classification(request.user, uuid)
    return render(
        request, "classification/detail.html", reading.detail(request.user, classification)
    )


def _language(woman, wanted: str | None) -> str:
    written_in = [code for code, _name in settings.LANGUAGES]
    wanted = wanted or next((code for code in woman.languages if code in written_in), "en")
    return printing.nearest(wanted, written_in)


@login_required
@require_safe
def for_her(request, uuid):
    """Her classification and its reasons, for her (Rule 41): in her language where the
    interface has it (else the nearest, else English), `?format=pdf` as a PDF. Only what she
    is told: her level, the reasons, the date and the next review."""
    woman = access_her_classification(request.user, uuid)
    given = _language(woman, printing.language_asked(request))
    context = {**reading.for_her(woman), "pdf": printing.wants_pdf(request), "language": given}
    with translation.override(given):
        context["today"] = timezone.localdate()
        html = render_to_string("classification/for_her.html", context, request=request)
    return printing.answer(
        request, html, filename=f"classification-{woman.prison_number}-{given}.pdf"
    )
