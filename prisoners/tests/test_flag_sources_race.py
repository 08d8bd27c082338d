"""Two changes to her flag sources at once never lose a protection (Rules 16, 22, 24).

Each pair of changes runs for real, in two threads with their own database connections. A gate
holds the first change to read her records until the second reads them too, or briefly when
the second can't (it waits for her flags row): with her flags computed before they are locked,
both would read what the other had not yet committed, and the later write would drop the
earlier change's protection. One test walks every pair, so the database is emptied only once.
"""

import threading
from itertools import combinations

import pytest

from health.services import care, maternity
from prisoners import services as flag_services
from prisoners.models import ObservationLevel, ProtectionFlags
from prisoners.tests.factories import PrisonerFactory
from register.services import record_child
from register.tests.factories import child_fields, decide, leaves
from tests.concurrency import race

GATE_SECONDS = 0.2


def _pregnancy(cast, woman, _ready):
    maternity.declare_pregnancy(by=cast["health"], prisoner=woman)


def _breastfeeding(cast, woman, _ready):
    maternity.record_breastfeeding(by=cast["health"], prisoner=woman, status="breastfeeding")


def _observation(cast, woman, _ready):
    care.set_observation_level(by=cast["health"], prisoner=woman, level=ObservationLevel.CONSTANT)


def _child_with_her(cast, woman, _ready):
    decide(cast["social"], woman)
    record_child(
        by=cast["reception"],
        mother=woman,
        **child_fields(lives_with_mother=True, location="", custody="", arrangements=""),
    )


def _child_with_her_already(cast, woman):
    decide(cast["social"], woman)
    return record_child(
        by=cast["reception"],
        mother=woman,
        **child_fields(given_names="Dao", lives_with_mother=True, location="", custody=""),
    )


def _child_separated(cast, woman, child):
    leaves(child, by=cast["social"])


# name: (what it does, what it must leave set whatever runs beside it, what it needs first)
CHANGES = {
    "pregnancy declared (health)": (
        _pregnancy,
        {"no_segregation": True, "restraint_health_approval": True},
        None,
    ),
    "breastfeeding (health)": (_breastfeeding, {"no_segregation": True}, None),
    "constant observation (health)": (
        _observation,
        {"no_segregation": True, "observation_level": ObservationLevel.CONSTANT},
        None,
    ),
    "a child with her (register)": (
        _child_with_her,
        {"no_segregation": True, "child_in_prison": True},
        None,
    ),
    "a child separated from her (register)": (_child_separated, {}, _child_with_her_already),
}


def gated_sources(gate: threading.Barrier):
    """Her registered flag sources, each refresh waiting at `gate` before its first read."""
    seen = threading.local()

    def gated(derive):
        def derive_after_gate(prisoner):
            if getattr(seen, "prisoner", None) != prisoner.pk:
                seen.prisoner = prisoner.pk
                try:
                    gate.wait()
                except threading.BrokenBarrierError:
                    pass
            return derive(prisoner)

        return derive_after_gate

    return [gated(derive) for derive in flag_services._FLAG_SOURCES]


def stored(woman) -> dict:
    row = ProtectionFlags.objects.get(prisoner=woman)
    return {name: getattr(row, name) for name in ProtectionFlags.FIELDS}


@pytest.mark.rule("16")
@pytest.mark.rule("22")
@pytest.mark.rule("24")
@pytest.mark.django_db(transaction=True)
def test_every_pair_of_flag_sources_changing_at_once_keeps_both(cast, facility_a, monkeypatch):
    for first, second in combinations(CHANGES, 2):
        woman = PrisonerFactory(facility=facility_a)
        ready = {
            name: CHANGES[name][2](cast, woman) for name in (first, second) if CHANGES[name][2]
        }
        gate = threading.Barrier(2, timeout=GATE_SECONDS)
        monkeypatch.setattr(flag_services, "_FLAG_SOURCES", gated_sources(gate))
        outcomes = race(
            {
                name: (lambda n=name, w=woman, r=ready: CHANGES[n][0](cast, w, r.get(n)))
                for name in (first, second)
            }
        )
        monkeypatch.undo()

        assert sorted(outcomes) == sorted([first, second])
        flags = stored(woman)
        assert flags == flag_services.derive_protection_flags(woman), (first, second)
        for name in (first, second):
            for flag, value in CHANGES[name][1].items():
                assert flags[flag] == value, (
                    f"{name} lost {flag} beside {first if name == second else second}"
                )
