"""Every page form, submitted empty, says what is wrong all at once and names each field:
the error summary above the form and the message beside each field carry the field's label,
never a bare "This field is required." (QUALITY S9). A sweep over every page route that the
permission matrix declares as answering an empty POST with the form's errors (400): the
matrix checks the answer to its own empty POST, as the first role it declares 400
(`tests/error_summary.py`, `check_route` in `tests/test_permission_matrix.py`), so each form
is posted once; a form whose errors name no field fails it there."""

from tests.test_permission_matrix import EMPTY_REFUSED


def test_the_sweep_covers_the_page_forms():
    assert len(EMPTY_REFUSED) >= 30
    assert {"searches:record", "discipline:segregate", "restraints:apply"} <= EMPTY_REFUSED.keys()
