"""Parole records made through the services, as staff would."""

from datetime import timedelta

from django.utils import timezone

from parole import services

LEAVE = {
    "kind": "home_leave",
    "reason": "children",
    "details": "A weekend with her two sons at their grandmother's.",
    "destination": "Her mother's house, Ban Nong Khai",
}
REFUSAL = {"refusal_ground": "not_verified", "reasons": "The address could not be checked."}
CUSTODY = {
    "at_her_request": True,
    "her_words": "I ask to be kept safe here until his trial.",
    "she_signed": True,
    "supervising_authority": "Provincial Court, family division",
    "shelter_considered": "No shelter place; she chose to stay.",
}


def leave(cast, woman, *, by=None, days=3, **fields):
    start = timezone.now() + timedelta(days=days)
    data = {**LEAVE, "starts_at": start, "returns_by": start + timedelta(days=2), **fields}
    return services.request_leave(by=by or cast["social"], prisoner=woman, **data)


def granted(cast, woman, **fields):
    return services.decide_leave(
        by=cast["governor"], leave=leave(cast, woman, **fields), grant=True, reasons="Eligible."
    )


def draft(cast, woman, **fields):
    data = {"eligibility_date": timezone.localdate() + timedelta(days=90), **fields}
    return services.prepare_parole_review(by=cast["social"], prisoner=woman, **data)


def protective(cast, woman, *, by=None, **fields):
    return services.start_protective_custody(
        by=by or cast["social"], prisoner=woman, **{**CUSTODY, **fields}
    )


TRANSFER = {
    "pursued": True,
    "agreement": "Bilateral treaty on the transfer of sentenced persons",
    "initiative": "her_application",
    "her_words": "I ask to serve my sentence at home, near my daughter.",
    "children_there": True,
}


def home_transfer(cast, woman, *, by=None, country="MM", **fields):
    """Her transfer home, applied for (Rule 53.1), for a woman who holds `country`'s
    nationality only (made so first: the sample women are of this country)."""
    from prisoners.models import Prisoner

    if woman.nationalities != [country]:
        Prisoner.objects.filter(pk=woman.pk).update(nationalities=[country])
        woman.refresh_from_db()
    return services.consider_home_transfer(
        by=by or cast["social"],
        prisoner=woman,
        country=country,
        **{"consent_on": timezone.localdate(), **TRANSFER, **fields},
    )
