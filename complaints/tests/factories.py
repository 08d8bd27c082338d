from complaints.services.complaints import lodge_complaint


def report(by, prisoner, **overrides):
    """A report of abuse by a member of staff, during her detention."""
    fields = {
        "kind": "abuse_report",
        "channel": "in_person",
        "subject": "treatment_by_staff",
        "narrative": "She says an officer pushed her on the stairs.",
        "timing": "during",
        "perpetrator": "staff",
        **overrides,
    }
    return lodge_complaint(by=by, prisoner=prisoner, **fields)


def held_action(by, prisoner, summary="Transfer to another prison", kind="transfer"):
    """An action held for review as a row, made without the area's service (what was asked
    kept only as written)."""
    from complaints.models import HeldAction

    return HeldAction.objects.create(
        prisoner=prisoner, facility=prisoner.facility, kind=kind, summary=summary, requested_by=by
    )


def complaint(by, prisoner, **overrides):
    fields = {
        "kind": "complaint",
        "channel": "confidential_box",
        "subject": "conditions",
        "narrative": "The showers have had no hot water for a week.",
        **overrides,
    }
    return lodge_complaint(by=by, prisoner=prisoner, **fields)


def released(cast, record) -> None:
    """Both reviews find that the act recorded as `record` is not retaliation, if it was held
    (she is protected after a report)."""
    from complaints.models import HeldAction, HeldStatus
    from complaints.services import review_held_action

    for held in HeldAction.objects.filter(record_uuid=record.uuid, status=HeldStatus.HELD):
        for reviewer in ("safeguarding", "governor"):
            review_held_action(by=cast[reviewer], held=held, retaliatory=False)
