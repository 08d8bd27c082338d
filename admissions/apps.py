from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _admission_section(request, prisoner):
    from .services import admission_section

    return admission_section(viewer=request.user, prisoner=prisoner)


def _allocation_section(request, prisoner):
    from .services import allocation_section

    return allocation_section(viewer=request.user, prisoner=prisoner)


def _family_section(request, prisoner):
    from .services import family_section

    return family_section(viewer=request.user, prisoner=prisoner)


class AdmissionsConfig(AppConfig):
    name = "admissions"
    verbose_name = "Admission (Rules 2 and 4)"

    def ready(self):
        from prisoners.sections import Section, register

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
