from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _health_section(request, prisoner):
    from .permissions import can_read_clinical

    if not can_read_clinical(request.user, prisoner):
        return None  # absent, not empty, for every role that may not read the file
    return {"woman": prisoner}


class HealthConfig(AppConfig):
    name = "health"
    verbose_name = "Health (Rules 6-18, 48-52)"

    def ready(self):
        from prisoners.sections import Section, register

        from . import parts

        register(
            Section(
                key="health",
                title=_("Health"),
                template="health/_prisoner_section.html",
                context=_health_section,
                order=120,
            )
        )
        parts.register_all()
