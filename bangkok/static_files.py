"""The static files of installed packages that no page of the project loads: ReDoc (the API
docs are Swagger UI), the browsable API's (the API answers JSON only) and django-htmx's own
copy of htmx (the pages load `bangkok/htmx.min.js`). `make run` collects the static files
without them (`prepare_demo`): compressing them took half of `collectstatic`'s time there
(19.1 s and 35 s of CPU, against 9.1 s and 15.6 s without). `bangkok/tests/test_static_files.py`
proves every static file the pages ask for is still collected."""

UNLOADED = ["drf_spectacular_sidecar/redoc/*", "rest_framework", "django_htmx"]
