"""The static files of installed packages that no page of the project loads: ReDoc (the API
docs are Swagger UI), the browsable API's (the API answers JSON only) and django-htmx's own
copy of htmx (the pages load `bangkok/htmx.min.js`). `make run` collects the static files
without them (`prepare_demo`): compressing them took half of `collectstatic`'s time there
(19.1 s and 35 s of CPU, against 9.1 s and 15.6 s without). `bangkok/tests/test_static_files.py`
proves every static file the pages ask for is still collected.

`CompressedOnce`, the static files' storage where they are collected (`STATIC_MANIFEST`):
whitenoise compresses every file under its own name and again under its hashed name, the
same bytes twice (but for a style sheet, whose hashed copy has its URLs rewritten); Brotli's
compression was most of `collectstatic`'s time. Here each content is compressed once and the
other names get a copy of what that gave."""

import hashlib
import os
import shutil
from collections.abc import Iterable, Iterator

from whitenoise.storage import CompressedManifestStaticFilesStorage

UNLOADED = ["drf_spectacular_sidecar/redoc/*", "rest_framework", "django_htmx"]


class CompressedOnce(CompressedManifestStaticFilesStorage):
    def compress_files(self, paths: Iterable[str]) -> Iterator[tuple[str, str]]:
        same: dict[bytes, list[str]] = {}
        for path in sorted(paths):
            with open(self.path(path), "rb") as file:
                same.setdefault(hashlib.file_digest(file, "sha256").digest(), []).append(path)
        copies = {names[0]: names[1:] for names in same.values()}
        for path, compressed in super().compress_files(copies):
            yield path, compressed
            suffix = compressed.removeprefix(path)
            for other in copies[path]:
                shutil.copyfile(self.path(compressed), self.path(other + suffix))
                stat = os.stat(self.path(other))
                os.utime(self.path(other + suffix), (stat.st_atime, stat.st_mtime))
                yield other, other + suffix
