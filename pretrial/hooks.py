"""What the pretrial area plugs into the others (Rules 56-58, 65; Mandela 111-120)."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from admissions.services import AtAdmission, AtCourtOutcome
from prisoners.demo import DemoStep
from prisoners.sections import Section
from reminders.kinds import AnsweredBy, MayBeMarkedDone, opens

from . import demo, oversight, queues, reading, services
from .permissions import (
    ADD_ADVISER,
    CHANGE_ADVISER,
    ENTER_HEARING,
    SCREEN,
    SEND_CARETAKING,
    VIEW,
)


def _shown(request, prisoner) -> bool | Q:
    user = request.user
    return user.has_perm(VIEW) and reading.has_pretrial(viewer=user, woman=prisoner)


def _section(request, prisoner):
    user = request.user
    if not user.has_perm(VIEW):
        return None
    hearings = list(reading.her_hearings(prisoner)[:20])
    advisers, contact = reading.her_advisers(viewer=user, woman=prisoner)
    screens, whole = reading.her_screens(viewer=user, woman=prisoner)
    days = reading.untried_days(prisoner)
    if days is None and not (hearings or advisers or screens):
        return None
    return {
        "woman": prisoner,
        "hearings": hearings,
        "advisers": advisers,
        "contact": contact,
        "screens": screens,
        "whole": whole,
        "untried_days": days,
        "long": days is not None and days > settings.PRETRIAL_LONG_DAYS,
        "can_enter": user.has_perm(ENTER_HEARING) and days is not None,
        "can_add_adviser": user.has_perm(ADD_ADVISER),
        "can_change_adviser": user.has_perm(CHANGE_ADVISER),
        "can_screen": user.has_perm(SCREEN) and days is not None,
    }


PLUGS = (
    AtAdmission(services.at_admission),
    AtCourtOutcome(services.at_court_outcome),
    AnsweredBy(
        _("her caretaking information sent"),
        services.NOTICE_KIND,
        page=opens("pretrial:send-caretaking", perm=SEND_CARETAKING, of="subject"),
    ),
    AnsweredBy(
        _("her pretrial-safety screen"),
        services.SCREEN_KIND,
        page=opens("pretrial:record-screen", perm=SCREEN, of="woman"),
    ),
    MayBeMarkedDone(services.LONG_KIND),
    *oversight.LISTS,
    *oversight.INDICATORS,
    queues.NOTICES,
    queues.COURT_DATES,
    Section(
        key="pretrial",
        title=_("Pretrial detention and court dates"),
        template="pretrial/_section.html",
        context=_section,
        shown=_shown,
        order=125,
    ),
    DemoStep(order=169, run=demo.seed),
)
