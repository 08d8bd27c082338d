from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _admission_section(request, prisoner):
    from .reading import admission_section

    return admission_section(viewer=request.user, prisoner=prisoner)


def _allocation_section(request, prisoner):
    from .reading import allocation_section

    return allocation_section(viewer=request.user, prisoner=prisoner)


def _family_section(request, prisoner):
    from .reading import family_section

    return family_section(viewer=request.user, prisoner=prisoner)


class AdmissionsConfig(AppConfig):
    name = "admissions"
    verbose_name = "Admission (Rules 2 and 4)"

    def ready(self):
        from authority.registry import register as register_authority
        from complaints.services import register_adverse_action, stop_by_refusal
        from oversight.registry import RecordList, register_list
        from prisoners.sections import Section, register

        register_list(
            RecordList(
                key="admissions",
                title=_("Admissions"),
                rules="2, 4; Mandela 7",
                perm="admissions.view_admission",
                records=_admissions_in,
                row=_admission_row,
                order=10,
                keyset=("-admitted_at", "-id"),
            )
        )
        from .services import TRANSFERS, carry_out_transfer, propose_transfer

        register_authority(TRANSFERS)
        # A transfer proposed after her report (Rules 7.3, 25.1): its confirmation waits.
        register_adverse_action(
            "transfer",
            carry_out_transfer,
            held_by=propose_transfer,
            stop=stop_by_refusal(TRANSFERS),
        )
        _declare_tasks()

        register(
            Section(
                key="admission",
                title=_("Admission"),
                template="admissions/_section.html",
                context=_admission_section,
                order=100,
            )
        )
        register(
            Section(
                key="allocation",
                title=_("Allocation (Rule 4)"),
                template="admissions/_allocation.html",
                context=_allocation_section,
                order=150,
            )
        )
        register(
            Section(
                key="family",
                title=_("Family, emergency contact and next of kin"),
                template="admissions/_family.html",
                context=_family_section,
                order=180,
            )
        )


def _declare_tasks() -> None:
    from reminders.kinds import answered_by, may_be_marked_done

    answered_by(_("the entry health screening"), "health.entry_screening")
    answered_by(_("her answer to the offer of consular contact"), "admission.consular")
    answered_by(_("the decision on her request"), "admission.suspension_follow_up")
    # Seen at once by health staff (Mandela 7(d)): no record of its own answers it.
    may_be_marked_done("health.injuries_at_reception")


def _admissions_in(facilities, start, end):
    from .models import Admission

    return Admission.objects.filter(
        facility__in=facilities, admitted_at__date__range=(start, end)
    ).select_related("prisoner")


def _admission_row(admission):
    from django.urls import reverse

    from oversight.registry import Row

    what = _("Admitted") if admission.completed_at else _("Admitted; still in reception")
    return Row(
        admission.uuid,
        admission.admitted_at,
        admission.prisoner,
        str(what),
        reverse("admissions:detail", args=[admission.uuid]),
    )
