"""Her clinical file as a viewer may read it, and which records that read disclosed (Rules
6-18, 48; confidential under Rule 8).

Who may open the file is `permissions.access_clinical_file`: health staff of her facility,
an inspector only while her consent is in force, the same 404 for everyone else. What the
page shows, part by part, and what the API answers, whole, are read here in a fixed number
of queries, each with the ids of the records it shows; `audited` writes the one audit row of
the read, in the caller's transaction: a read whose row can't be written fails with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

import audit

from .models import ChildCheck, ChildScreening, EncounterPresence, ScreeningItem
from .models.maternity import OPEN_PREGNANCY, Birth, Pregnancy
from .models.screening import Answer, Item
from .permissions import can_read_clinical
from .services import care, maternity, preventive
from .services import screening as screening_services

if TYPE_CHECKING:
    from collections.abc import Iterable

    from prisoners.models import Prisoner
    from staff.models import User

CONSENTS_SHOWN = 5


def audited(*, viewer: User, woman: Prisoner, disclosed: list) -> None:
    """Every read of her clinical file is audited with the ids of the records shown (Rule 8)."""
    if not can_read_clinical(viewer, woman):
        raise PermissionDenied(_("The clinical file is confidential (Rule 8)."))
    audit.record(
        by=viewer,
        action="health.file_read",
        subject=woman,
        facility=woman.facility,
        disclosed=disclosed,
    )


# The file whole (the API)


def clinical_file(viewer: User, woman: Prisoner) -> tuple[dict, list]:
    """Every part of her file, read and audited, and the ids it showed."""
    data, disclosed = whole_file(woman)
    audited(viewer=viewer, woman=woman, disclosed=disclosed)
    return data, disclosed


def whole_file(woman: Prisoner) -> tuple[dict, list]:
    """Every part of her file, in a fixed number of queries, and the ids it shows."""
    screenings = list(
        woman.screenings.select_related("admission").prefetch_related(
            Prefetch("items", ScreeningItem.objects.select_related("answered_by"))
        )
    )
    children = list(
        woman.children.filter(lives_with_mother=True).prefetch_related(
            Prefetch("health_screenings", ChildScreening.objects.select_related("screened_by")),
            Prefetch("health_checks", ChildCheck.objects.select_related("done_by")),
        )
    )
    pregnancies = list(woman.pregnancies.select_related("birth").prefetch_related("contacts"))
    encounters = list(
        woman.encounters.select_related("clinician", "woman_present").prefetch_related(
            Prefetch("presences", EncounterPresence.objects.select_related("person"))
        )
    )
    observation = care.current_observation(woman)
    data: dict[str, Any] = {
        "woman": woman.uuid,
        "screenings": screenings,
        "hiv_tests": list(woman.hiv_tests.all()),
        "disclosures": list(woman.disclosures.all()),
        "children_in_her_care": children,
        "pregnancies": pregnancies,
        "breastfeeding": list(woman.breastfeeding_records.all()),
        "preventive_screenings": list(woman.preventive_screenings.all()),
        "preventive_due": preventive.what_is_due(woman),
        "preventive_policy": preventive.current_policy().code,
        "woman_clinician_request": care.request_in_force(woman),
        "restraint_restrictions": list(woman.restraint_restrictions.all()),
        "encounters": encounters,
        "mental_health_assessments": list(
            woman.mental_health_assessments.select_related("assessor")
        ),
        "observation_level": observation.level if observation else "none",
        "observation": observation,
        "distress_events": list(woman.distress_events.all()),
        "consents": list(woman.clinical_consents.all()),
    }
    records = [
        *screenings,
        *data["hiv_tests"],
        *data["disclosures"],
        *children,
        *(s for child in children for s in child.health_screenings.all()),
        *(c for child in children for c in child.health_checks.all()),
        *pregnancies,
        *(c for p in pregnancies for c in p.contacts.all()),
        *(p.birth for p in pregnancies if has_birth(p)),
        *data["breastfeeding"],
        *data["preventive_screenings"],
        *_present(data["woman_clinician_request"]),
        *data["restraint_restrictions"],
        *encounters,
        *data["mental_health_assessments"],
        *_present(observation),
        *data["distress_events"],
        *data["consents"],
    ]
    return data, [record.uuid for record in records]


def has_birth(pregnancy: Pregnancy) -> bool:
    try:
        pregnancy.birth  # noqa: B018 (cached by select_related)
    except Pregnancy.birth.RelatedObjectDoesNotExist:
        return False
    return True


def _present(record: object | None) -> list:
    return [record] if record is not None else []


def _ids(*groups: Iterable) -> list:
    return [record.uuid for group in groups for record in group]


# The file part by part (the page: each part adds its forms)


def screening_part(woman: Prisoner) -> tuple[dict, list]:
    """Her latest admission's entry screening with its progress, HIV tests, disclosures, the
    children living with her and her latest consents."""
    admission, screening = screening_services.screening_of(woman)
    data: dict[str, Any] = {
        "admission": admission,
        "screening": screening,
        "hiv_tests": list(woman.hiv_tests.all()),
        "disclosures": list(woman.disclosures.all()),
        "children_in_care": screening_services.children_in_her_care(woman),
        "consents": list(woman.clinical_consents.all()[:CONSENTS_SHOWN]),
    }
    if screening:
        data["progress"] = screening_services.screening_progress(screening)
    ids = _ids(
        _present(screening), data["hiv_tests"], data["disclosures"], data["children_in_care"]
    )
    return data, ids


def maternity_part(woman: Prisoner) -> tuple[dict, list]:
    """Her pregnancies with their contacts and birth, and her latest breastfeeding records."""
    data = maternity.maternity_of(woman)
    current = data["current"]
    if current is not None and current.edd:
        data["gestational_week"] = maternity.gestational_week(current.edd)
    pregnancies = data["pregnancies"]
    ids = _ids(
        pregnancies,
        (contact for p in pregnancies for contact in p.contacts.all()),
        (p.birth for p in pregnancies if has_birth(p)),
        data["feeding"],
    )
    return data, ids


def preventive_part(woman: Prisoner) -> tuple[dict, list]:
    """Her preventive screenings and what is due under the community policy."""
    history = preventive.preventive_history(woman)
    data = {
        "preventive_history": history,
        "due": [
            (preventive.PROGRAMME_LABELS[d.programme], d) for d in preventive.what_is_due(woman)
        ],
        "policy": preventive.current_policy(),
    }
    return data, _ids(history)


def care_part(woman: Prisoner) -> tuple[dict, list]:
    """Her request for a woman clinician, restraint restrictions, encounters, mental health,
    observation and a clearance for segregation in force."""
    encounters = care.encounters_of(woman)
    mental = care.mental_health_of(woman)
    observation = mental["observation"]
    clearance = care.clearance_in_force(woman, observation)
    data = {
        "woman_clinician_request": care.request_in_force(woman),
        "restraint_restrictions": care.restraint_restrictions_of(woman),
        "encounters": encounters,
        **mental,
        "observation_level": observation.level if observation else "none",
        "clearance": clearance,
    }
    ids = _ids(
        encounters,
        mental["assessments"],
        mental["distress_events"],
        _present(observation),
        _present(clearance),
        data["restraint_restrictions"],
    )
    return data, ids


# The emergency part (read by break-glass, `breakglass`)

# What a member of staff who is not a clinician may need in an emergency, when no health staff
# can tell her (Rule 8): the needs found at her entry screening for her physical and mental
# health, drug dependency and risk of suicide and self-harm. Never her HIV tests, blood-borne
# and sexually transmitted diseases, reproductive history or disclosures of abuse: no
# emergency needs them from anyone but a clinician.
EMERGENCY_ITEMS = (
    Item.PRIMARY_CARE,
    Item.MENTAL_HEALTH,
    Item.SUICIDE_SELF_HARM,
    Item.DRUG_DEPENDENCY,
)


def emergency_part(woman: Prisoner) -> tuple[dict, list]:
    """What her clinical file says that an emergency may need: the findings of her latest
    entry screening on `EMERGENCY_ITEMS`, a pregnancy in progress (its weeks, the expected
    date), a birth whose post-partum period lasts, her observation level and latest risk of
    suicide or self-harm with its care plan, and the restrictions on restraints in force; and
    the ids it shows. A fixed number of queries."""
    _admission, screening = screening_services.screening_of(woman)
    findings = (
        list(
            screening.items.filter(item__in=EMERGENCY_ITEMS, answer=Answer.ANSWERED).exclude(
                finding=""
            )
        )
        if screening
        else []
    )
    pregnancy = (
        woman.pregnancies.filter(status__in=OPEN_PREGNANCY).order_by("-declared_on", "-id").first()
    )
    birth = (
        Birth.objects.filter(pregnancy__prisoner=woman, postpartum_ends_at__gt=timezone.now())
        .order_by("-born_at")
        .first()
    )
    assessment = woman.mental_health_assessments.first()
    observation = care.current_observation(woman)
    restrictions = list(woman.restraint_restrictions.filter(ended_at__isnull=True))
    data = {
        "findings": findings,
        "pregnancy": pregnancy,
        "gestational_week": maternity.gestational_week(pregnancy.edd)
        if pregnancy and pregnancy.edd
        else None,
        "birth": birth,
        "observation": observation,
        "assessment": assessment,
        "restraint_restrictions": restrictions,
    }
    shown = [
        *(screening for _ in findings[:1]),
        *_present(pregnancy),
        *_present(birth),
        *_present(observation),
        *_present(assessment),
        *restrictions,
    ]
    return data, [record.uuid for record in shown]
