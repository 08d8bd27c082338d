"""`make run` collects the static files without what no page loads
(`bangkok/static_files.py`), and nothing a page loads is left out."""

import os
import re

import pytest
from django.apps import apps
from django.contrib.staticfiles.finders import get_finders

from bangkok.static_files import UNLOADED
from conftest import client_for

pytestmark = pytest.mark.django_db

STATIC = re.compile(r"""(?:src|href)=["']/static/([^"'?#]+)""")


def collected() -> set[str]:
    """The paths `collectstatic` copies for `make run`: every finder's, less the ignored."""
    ignored = [*apps.get_app_config("staticfiles").ignore_patterns, *UNLOADED]
    return {path for finder in get_finders() for path, _storage in finder.list(ignored)}


def loaded_by(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return set(STATIC.findall(response.content.decode()))


def test_what_no_page_loads_is_left_out():
    paths = collected()
    assert not [p for p in paths if p.startswith(("drf_spectacular_sidecar/redoc/", "rest_"))]
    assert not [p for p in paths if p.startswith("django_htmx/")]
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in paths
    assert "admin/css/base.css" in paths


def test_every_static_file_the_pages_load_is_collected(cast, woman_a):
    from django.test import Client

    pages = [
        (Client(), "/accounts/login/"),
        (client_for(cast["custody"]), "/"),
        (client_for(cast["custody"]), f"/women/{woman_a.uuid}/"),
        (client_for(cast["custody"]), "/api/docs/"),
        (client_for(cast["sysadmin"]), "/admin/"),
    ]
    loaded = set().union(*(loaded_by(client, url) for client, url in pages))
    assert {"bangkok/htmx.min.js", "admin/css/base.css"} <= loaded
    assert any(path.startswith("drf_spectacular_sidecar/swagger-ui-dist/") for path in loaded)
    assert loaded - collected() == set()


def test_each_content_is_compressed_once_and_every_name_gets_its_compressed_copies(
    tmp_path, monkeypatch
):
    """`CompressedOnce`: a file and its hashed copy (the same bytes) are compressed once; a
    style sheet's hashed copy (its URLs rewritten: other bytes) is compressed on its own."""
    from whitenoise.compress import Compressor

    from bangkok.static_files import CompressedOnce

    script = b"function shown() { return 'the same script under two names'; }\n" * 50
    files = {
        "app.js": script,
        "app.0123456789ab.js": script,
        "site.css": b"body { background: url(a.png); }\n" * 50,
        "site.ba9876543210.css": b"body { background: url(a.ba9876543210.png); }\n" * 50,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    compressed = []
    compress = Compressor.compress
    monkeypatch.setattr(
        Compressor, "compress", lambda self, path: compressed.append(path) or compress(self, path)
    )
    yielded = list(CompressedOnce(location=tmp_path).compress_files(list(files)))
    assert sorted(os.path.basename(path) for path in compressed) == [
        "app.0123456789ab.js",
        "site.ba9876543210.css",
        "site.css",
    ]
    assert sorted(yielded) == sorted(
        (name, name + suffix) for name in files for suffix in (".br", ".gz")
    )
    for suffix in (".br", ".gz"):
        one, other = (tmp_path / f"app.js{suffix}"), (tmp_path / f"app.0123456789ab.js{suffix}")
        assert one.read_bytes() == other.read_bytes()
        assert one.stat().st_mtime == (tmp_path / "app.js").stat().st_mtime
