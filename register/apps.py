from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _children_section(request, prisoner):
    from .reading import children_section

    return children_section(viewer=request.user, mother=prisoner)


class RegisterConfig(AppConfig):
    name = "register"
    verbose_name = "Register of children (Rule 3)"

    def ready(self):
        from prisoners.sections import Section, register
        from prisoners.services import register_flag_source

        from .services import FLAG_REASONS, flags_from_register

        register_flag_source(flags_from_register, area="register", reasons=FLAG_REASONS)
        from reminders.kinds import answered_by

        answered_by(_("where the child lives, in the register"), "register.whereabouts_unknown")

        register(
            Section(
                key="children",
                title=_("Children"),
                template="register/_section.html",
                context=_children_section,
                order=200,
            )
        )
