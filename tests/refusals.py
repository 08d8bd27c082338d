"""What a refusal test proves besides the refusal: the rule it names, and that nothing was
written, neither the records the act would have made nor the audit row of a success.

    with refused("22", Segregation, Reminder):
        services.segregate(...)

    with nothing_written(Search):
        response = client.post(...)
    assert response.status_code == 409 and response.json()["rule"] == "21"
"""

from contextlib import contextmanager

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent
from bangkok.errors import RuleBroken


def _counts(models) -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in models}


def _acts():
    # A read is audited whatever page shows it, the refusal's own included ("...read"); an
    # act refused under a Rule from a page or the API is kept as an attempt ("rule.refused").
    return AuditEvent.objects.exclude(action__endswith="read").exclude(action="rule.refused")


@contextmanager
def nothing_written(*models):
    """The block writes no row of `models` and no audit row of an act."""
    before, audited = _counts(models), _acts().count()
    yield
    assert _counts(models) == before, "the refused act wrote records"
    assert _acts().count() == audited, "the refused act left an audit row"


@contextmanager
def refused(rule: str, *models):
    """The block raises `RuleBroken` naming `rule`, and writes nothing (see `nothing_written`).
    The caught refusal is yielded, for its message."""
    with nothing_written(*models), pytest.raises(RuleBroken) as caught:
        yield caught
    assert caught.value.rule == rule, f"refused under Rule {caught.value.rule}, not {rule}"


@contextmanager
def invalid(field: str, *models):
    """The block raises a ValidationError about `field`, and writes nothing."""
    with nothing_written(*models), pytest.raises(ValidationError) as caught:
        yield caught
    assert field in caught.value.message_dict, caught.value.message_dict


@contextmanager
def denied(*models):
    """The block is refused for want of the right, and writes nothing."""
    with nothing_written(*models), pytest.raises(PermissionDenied) as caught:
        yield caught
