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


def complaint(by, prisoner, **overrides):
    fields = {
        "kind": "complaint",
        "channel": "confidential_box",
        "subject": "conditions",
        "narrative": "The showers have had no hot water for a week.",
        **overrides,
    }
    return lodge_complaint(by=by, prisoner=prisoner, **fields)
