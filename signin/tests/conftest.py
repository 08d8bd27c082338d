import pytest


@pytest.fixture(autouse=True)
def _two_factor_on(settings, _two_factor_off):
    """Sign-in's own tests run as every deployment does: with two-factor sign-in on."""
    settings.OTP_REQUIRED = True


@pytest.fixture(autouse=True)
def _fresh_lockouts(db):
    from axes.utils import reset

    reset()
    yield
    reset()
