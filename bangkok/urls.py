from importlib import import_module

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, include, path
from django.urls.resolvers import RoutePattern
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularSwaggerSplitView

from . import views
from .served_schema import SchemaView

# Errors under /api/ answer JSON; pages answer the design system's pages.
handler400 = views.handler400
handler403 = views.handler403
handler404 = views.handler404
handler500 = views.handler500

admin.site.site_header = "Bangkok – accounts and facilities"
admin.site.site_title = "Bangkok administration"

# The areas' API routes, in this order (where two could answer the same address, the first
# does).
API_AREAS = [
    "signin.api_urls",
    "prisoners.api_urls",
    "reminders.api_urls",
    "admissions.api_urls",
    "register.api_urls",
    "health.api_urls",
    "searches.api_urls",
    "discipline.api_urls",
    "restraints.api_urls",
    "force.api_urls",
    "classification.api_urls",
    "selfharm.api_urls",
    "visits.api_urls",
    "complaints.api_urls",
    "oversight.api_urls",
    "authority.api_urls",
    "breaches.api_urls",
    "hygiene.api_urls",
    "girls.api_urls",
    "pretrial.api_urls",
    "equality.api_urls",
    "regime.api_urls",
    "parole.api_urls",
    "release.api_urls",
    "safeguarding.api_urls",
    "inspections.api_urls",
    "breakglass.api_urls",
]


def by_first_segment(modules: list[str]) -> list[URLResolver]:
    """The routes of `modules`, in their order, grouped by the first segment of their address
    ("prisoners", "visits"), each group under its segment.

    Each area's routes included as they are would all start at `api/v1/`, and Django tries an
    address against each area in turn, listing every route it tried in each that failed
    (180 us for an address of the last areas, against 46 us for the women's). Grouped, an
    address is tried against the routes of its first segment only. The groups don't overlap,
    and within one the routes keep their order, so every address answers as before
    (`bangkok/tests/test_api_routes.py`)."""
    groups: dict[str, list[URLPattern]] = {}
    for module in modules:
        for route in import_module(module).urlpatterns:
            written = str(route.pattern)
            segment, slash, rest = written.partition("/")
            if not (
                isinstance(route, URLPattern)
                and isinstance(route.pattern, RoutePattern)
                and slash
                and segment
                and "<" not in segment
            ):
                raise ImproperlyConfigured(
                    f"{module}: an API route must start with a word of its own and a slash, "
                    f"not {written!r}"
                )
            groups.setdefault(segment, []).append(
                path(rest, route.callback, route.default_args, name=route.name)
            )
    return [path(f"{segment}/", include(routes)) for segment, routes in groups.items()]


api_v1 = by_first_segment(API_AREAS)

# The API first: an address is tried against the routes in this order, and the pages' thirty
# prefixes before it took 40 us of each API call (no page's address starts with "api/").
urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SchemaView.as_view(), name="api-schema"),
    # Swagger UI sets inline styles as it renders; scripts stay 'self' only.
    # Signed-in staff only: the docs page sends anyone else to sign in.
    path(
        "api/docs/",
        csp_override({**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]})(
            login_required(SpectacularSwaggerSplitView.as_view(url_name="api-schema"))
        ),
        name="api-docs",
    ),
    path("", include("dashboard.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("staff.urls")),
    path("accounts/", include("staff.account_urls")),
    path("accounts/", include("signin.urls")),
    path("women/", include("prisoners.urls")),
    path("tasks/", include("reminders.urls")),
    path("admissions/", include("admissions.urls")),
    path("register/", include("register.urls")),
    path("health/", include("health.urls")),
    path("searches/", include("searches.urls")),
    path("discipline/", include("discipline.urls")),
    path("restraints/", include("restraints.urls")),
    path("force/", include("force.urls")),
    path("classification/", include("classification.urls")),
    path("self-harm/", include("selfharm.urls")),
    path("visits/", include("visits.urls")),
    path("complaints/", include("complaints.urls")),
    path("oversight/", include("oversight.urls")),
    path("statistics/", include("research.urls")),
    path("authority/", include("authority.urls")),
    path("breaches/", include("breaches.urls")),
    path("hygiene/", include("hygiene.urls")),
    path("girls/", include("girls.urls")),
    path("pretrial/", include("pretrial.urls")),
    path("equality/", include("equality.urls")),
    path("regime/", include("regime.urls")),
    path("parole/", include("parole.urls")),
    path("release/", include("release.urls")),
    path("safeguarding/", include("safeguarding.urls")),
    path("inspections/", include("inspections.urls")),
    path("break-glass/", include("breakglass.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon, name="favicon"),
]
