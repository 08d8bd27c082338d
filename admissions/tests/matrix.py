"""A transfer's confirmation in the permission matrix (Rule 4): only a governor of the
woman's facility confirms or refuses a proposed transfer; every other role, and another
facility's staff, meet the 404 of a proposal that doesn't exist. The sample proposal was
refused already, so the governor's confirmation or refusal is refused as decided (400),
nothing written. (Proposing one is `api-admission-transfer`, in the main matrix.)"""

from tests.matrix_support import API_NOT_ALLOWED, rows

TRANSFER_REASON = "Canarytransferreason"

# Her home (Rule 4): the roles that decide allocations record it (reception, social workers,
# the governor); an empty choice is refused naming the field (400). The steps of the guided
# admission are read by every role that reads the admission.
HOME_ROLES = {"reception": 400, "social": 400, "governor": 400}
MATRIX = {
    "admissions:step": {
        "GET": rows(200, anonymous=302, sysadmin=404, outsider=404),
        "POST": rows(405, anonymous=302),
    },
    "admissions:home": {
        "GET": rows(404, anonymous=302, reception=200, social=200, governor=200),
        "POST": rows(405, anonymous=302),
    },
    **{
        name: {"GET": rows(405, anonymous=302), "POST": rows(404, anonymous=302, **HOME_ROLES)}
        for name in ("admissions:record-home", "admissions:add-place")
    },
    "api-prisoner-home": {
        "POST": rows(404, anonymous=401, **HOME_ROLES),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    **{
        f"api-transfer-{verb}": {
            "POST": rows(404, anonymous=401, governor=400),
            **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
        }
        for verb in ("confirm", "refuse")
    },
}


def _admitted(cast, facility):
    """A woman admitted at `facility`, her admission complete."""
    from ..services import admit_woman, complete_admission, record_rights_offer
    from .factories import commitment, identity

    admission = admit_woman(
        by=cast["reception"],
        facility=facility,
        commitment=commitment(),
        identity=identity(prison_number="A-MOVE-1", given_names="Moe", family_name="Kyaw"),
    )
    for item in ("family_contact", "legal_advice", "information", "consular"):
        record_rights_offer(
            by=cast["reception"], admission=admission, item=item, outcome="done", language="my"
        )
    return complete_admission(by=cast["reception"], admission=admission)


def world(cast, admission) -> dict:
    """A woman admitted at A whose transfer to B reception proposed and the governor refused."""
    from facilities.models import Facility

    from ..services import propose_transfer, refuse_transfer

    moving = _admitted(cast, admission.facility)
    proposal = propose_transfer(
        by=cast["reception"],
        admission=moving,
        to_facility=Facility.objects.get(code="B"),
        reason="Overcrowding",
    )
    refuse_transfer(by=cast["governor"], record=proposal, reason="Her family visits her here")
    decided = {"uuid": proposal.uuid}
    her = {"uuid": admission.prisoner.uuid}
    return {
        "api-transfer-confirm": decided,
        "api-transfer-refuse": decided,
        "admissions:step": {"uuid": admission.uuid, "step": "rights"},
        "admissions:home": her,
        "admissions:record-home": her,
        "admissions:add-place": her,
        "api-prisoner-home": her,
    }


def canaries(cast, world) -> dict:
    """The reason for a transfer awaiting confirmation: an allocation decision's reason (T2),
    read by the roles that read allocations, no one else."""
    from admissions.models import Admission
    from facilities.models import Facility

    from ..services import propose_transfer

    propose_transfer(
        by=cast["reception"],
        admission=Admission.objects.get(prisoner__prison_number="A-MOVE-1"),
        to_facility=Facility.objects.get(code="B"),
        reason=TRANSFER_REASON,
    )
    return {TRANSFER_REASON: {"reception", "social", "governor", "inspector"}}
