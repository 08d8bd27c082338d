from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _complaints_section(request, prisoner):
    from .sections import complaints_section

    return complaints_section(viewer=request.user, prisoner=prisoner)


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints and abuse reports (Rules 7 and 25)"

    def ready(self):
        from prisoners.sections import Section, register

        from .oversight import register_oversight

        register(
            Section(
                key="complaints",
                title=_("Complaints and reports (Rules 7, 25)"),
                template="complaints/_section.html",
                context=_complaints_section,
                order=400,
            )
        )
        register_oversight()
