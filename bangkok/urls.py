from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
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

api_v1 = [
    path("", include("signin.api_urls")),
    path("", include("prisoners.api_urls")),
    path("", include("reminders.api_urls")),
    path("", include("admissions.api_urls")),
    path("", include("register.api_urls")),
    path("", include("health.api_urls")),
    path("", include("searches.api_urls")),
    path("", include("discipline.api_urls")),
    path("", include("restraints.api_urls")),
    path("", include("force.api_urls")),
    path("", include("classification.api_urls")),
    path("", include("selfharm.api_urls")),
    path("", include("visits.api_urls")),
    path("", include("complaints.api_urls")),
    path("", include("oversight.api_urls")),
    path("", include("authority.api_urls")),
    path("", include("breaches.api_urls")),
    path("", include("hygiene.api_urls")),
    path("", include("girls.api_urls")),
    path("", include("pretrial.api_urls")),
    path("", include("equality.api_urls")),
    path("", include("regime.api_urls")),
    path("", include("parole.api_urls")),
    path("", include("release.api_urls")),
    path("", include("safeguarding.api_urls")),
    path("", include("inspections.api_urls")),
    path("", include("breakglass.api_urls")),
]

urlpatterns = [
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
    path("favicon.ico", views.favicon, name="favicon"),
]
