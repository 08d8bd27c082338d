"""What the girls area plugs into the others (Rules 36-39)."""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from admissions.services import AtAdmission, AtRelease, AtTransfer
from bangkok.hooks import Receiver
from health.models import Encounter, Pregnancy
from prisoners.demo import DemoStep
from prisoners.sections import Section
from prisoners.withheld import Withheld
from regime.models import Allocation
from reminders.kinds import AnsweredBy, opens

from . import demo, oversight, reading, services
from .models import SealedRecord
from .permissions import DECIDE_MATCH, RECORD, SEAL, VIEW


def _shown(request, prisoner) -> bool | Q:
    """A girl's section, or a woman's with notices to her parent or guardian or records the
    governor may seal (asked of her row with the other sections'), nothing read."""
    user = request.user
    if not user.has_perm(VIEW):
        return False
    if prisoner.is_juvenile:
        return True
    return services.notices_or_sealable(prisoner, sealable=user.has_perm(SEAL))


def _section(request, prisoner):
    user = request.user
    if not user.has_perm(VIEW):
        return None
    notices = list(reading.her_notices(prisoner)[:20])
    may_seal = user.has_perm(SEAL) and services.may_be_sealed(prisoner)
    if not prisoner.is_juvenile and not notices and not may_seal:
        return None
    return {
        "woman": prisoner,
        "notices": notices,
        "can_record": user.has_perm(RECORD),
        "can_seal": may_seal,
        "sealed_after": settings.GIRL_RECORDS_SEALED_AFTER_DAYS,
    }


def _sealed(of: str) -> Q:
    return Q(Exists(SealedRecord.objects.filter(prisoner=OuterRef(of))))


PLUGS = (
    AtAdmission(services.at_admission),
    AtTransfer(services.at_transfer),
    AtRelease(services.at_release),
    Receiver(post_save, services.on_allocation, "girls.on_allocation", sender=Allocation),
    Receiver(post_save, services.on_encounter, "girls.on_encounter", sender=Encounter),
    Receiver(post_save, services.on_pregnancy, "girls.on_pregnancy", sender=Pregnancy),
    AnsweredBy(
        _("her parent or guardian told"),
        services.GUARDIAN_KIND,
        page=opens("girls:tell-guardian", perm=RECORD, of="woman"),
    ),
    AnsweredBy(_("a place for her in education"), services.EDUCATION_KIND),
    AnsweredBy(
        _("the decision whether a sealed record is hers"),
        services.MATCH_KIND,
        page=opens("girls:decide-match", perm=DECIDE_MATCH, of="woman"),
    ),
    Withheld("girls.sealed", _sealed),
    AnsweredBy(_("a gynaecology encounter"), services.GYNAECOLOGY_KIND),
    AnsweredBy(_("a gynaecology encounter with the specialist"), services.SPECIALIST_KIND),
    *oversight.LISTS,
    Section(
        key="girls",
        title=_("Girl under 18"),
        template="girls/_section.html",
        context=_section,
        shown=_shown,
        order=120,
    ),
    DemoStep(order=168, run=demo.seed),
    DemoStep(order=900, run=demo.sealing),
)
