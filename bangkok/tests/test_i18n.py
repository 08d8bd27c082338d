import pytest

from conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "direction"), [("es", "ltr"), ("fr", "ltr"), ("ar", "rtl"), ("th", "ltr")]
)
def test_switching_language_sets_the_page_language_and_direction(cast, code, direction):
    client = client_for(cast["reception"])
    response = client.post("/i18n/setlang/", {"language": code, "next": "/"}, follow=True)
    assert f'lang="{code}" dir="{direction}"' in response.content.decode()
