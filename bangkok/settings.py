"""Settings. They read the environment only and never start a server.

The development launcher (`bangkok/launcher.py`) starts an embedded PostgreSQL when
`DATABASE_URL` is unset and hands its address to Django through that same variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY is not set (the launcher sets one for development).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Use `make run` / `make test`, which start an embedded "
        "PostgreSQL, or point DATABASE_URL at a PostgreSQL server."
    )
DATABASES = {
    "default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_health_checks=True),
}
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
if os.environ.get("TEST_DATABASE_TEMPLATE"):
    # `make test` migrates once into this database; each worker's copy starts from it
    # (bangkok.test_template).
    DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = os.environ["TEST_DATABASE_TEMPLATE"]
if os.environ.get("DATABASE_REPLICA_URL"):
    # Oversight's and statistics' reads go to a read replica (`bangkok.replica`); in tests
    # the replica is the test database itself.
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_health_checks=True,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["bangkok.replica.ReplicaRouter"]
REPLICA_READ_PATHS = ("/oversight/", "/api/v1/oversight/")
if env_bool("DATABASE_POOL", False):
    DATABASES["default"]["OPTIONS"] = {"pool": {"min_size": 2, "max_size": 8}}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
# PostgreSQL's JIT compiles a query it estimates costly before running it; for this app's
# queries (oversight's counts of a year across every facility) compiling took longer than it
# saved: the national overview 5.5-5.7 s with it, 4.2 s without (bench, alternated). Off
# unless DATABASE_JIT=1.
if not env_bool("DATABASE_JIT", False):
    for alias in DATABASES:
        DATABASES[alias].setdefault("OPTIONS", {})["options"] = "-c jit=off"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "guardian",
    "pgtrigger",
    "pghistory",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "audit",
    "facilities",
    "staff",
    "prisoners",
    "reminders",
    "admissions",
    "register",
    "complaints",
    "health",
    "searches",
    "discipline",
    "restraints",
    "force",
    "classification",
    "selfharm",
    "visits",
    "oversight",
    "research",
    "authority",
    "breaches",
    "hygiene",
    "equality",
    "regime",
    "girls",
    "pretrial",
    "safeguarding",
    "inspections",
    "breakglass",
    "parole",
    "release",
    "signin",
    "dashboard",
    "scale",
]

MIDDLEWARE = [
    # What the process keeps once it has served a few pages is left out of the collections.
    "bangkok.middleware.SettledObjectsMiddleware",
    # A request line longer than MAX_REQUEST_LINE is answered 414 before anything reads it.
    "bangkok.middleware.RequestLineLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "signin.middleware.SessionRenewalMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in: which device verified the session, and nothing but the verify,
    # enrol and sign-out pages for a session that must verify and hasn't.
    "django_otp.middleware.OTPMiddleware",
    # The user herself from here on, not the two lazy stand-ins of the two above.
    "bangkok.middleware.ResolvedUserMiddleware",
    "signin.middleware.TwoFactorMiddleware",
    # A superuser never works on the web; a member of staff whose password an administrator
    # reset sets her own before anything else (pages redirect, the API answers 403).
    "staff.middleware.AccountGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "bangkok.middleware.NoStoreForStaffMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    # An audit row that can't be written: the read or the change fails with a plain 503.
    "audit.middleware.AuditUnavailableMiddleware",
    # A safe request for oversight reads from the replica when there is one.
    "bangkok.replica.ReplicaReadsMiddleware",
    # Axes goes last: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

# gunicorn's own limit (limit_request_line) by default: a proxy that lets longer lines through
# still meets a 414 here. Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE are answered 413.
MAX_REQUEST_LINE = env_int("MAX_REQUEST_LINE", 4094)

ROOT_URLCONF = "bangkok.urls"
WSGI_APPLICATION = "bangkok.wsgi.application"

# Django's form templates, with a list's options written in Python (bangkok/form_renderer.py).
FORM_RENDERER = "bangkok.form_renderer.FormRenderer"

TEMPLATES = [
    {
        # Django's, checked knowing the library it loads in place of Django's (below).
        "BACKEND": "bangkok.template_engine.Templates",
        "NAME": "django",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "dashboard.context_processors.navigation",
            ],
            # `{% translate %}` of a literal written once a language
            # (`dashboard.templatetags.words`).
            "libraries": {"i18n": "dashboard.templatetags.words"},
        },
    },
]

AUTH_USER_MODEL = "staff.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's model backend, refusing superusers: they use management commands only.
    "staff.backends.StaffBackend",
    "guardian.backends.ObjectPermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after a quiet half hour (ASVS 7.3); a request renews them, writing the
# renewal at most once a minute (`signin.middleware.SessionRenewalMiddleware`).
# In the database, each request's read in SQL (`signin.sessions`).
SESSION_ENGINE = "signin.sessions"
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_RENEW_SECONDS = env_int("SESSION_RENEW_SECONDS", 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Behind TLS (production) these are on; the local demo over http turns them off with HTTPS=0.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# django-axes, on every entry point (form, token, admin, a wrong two-factor code): a username
# is locked after AXES_FAILURE_LIMIT failures from any source, and a source after
# AXES_SOURCE_FAILURE_LIMIT failures across usernames (password spraying). Attempts are kept
# in the database, which every worker shares.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_SOURCE_FAILURE_LIMIT = env_int("AXES_SOURCE_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_HANDLER = "signin.lockout.UsernameOrSourceHandler"
AXES_RESET_ON_SUCCESS = True
# A wrong two-factor code is a failed sign-in too; it is never kept with the attempt.
AXES_SENSITIVE_PARAMETERS = ["code", "otp"]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_VERBOSE = False
# The reverse proxies in front of the app (addresses or networks, comma-separated). Only a
# request from one of them has its X-Forwarded-For believed (see bangkok.security).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "bangkok.security.client_ip"

# Two-factor sign-in (TOTP, with recovery codes) for the roles that read confidential records
# and for the account manager. On unless OTP_REQUIRED is off (only the `make run` demo).
OTP_REQUIRED = env_bool("OTP_REQUIRED", True)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Bangkok")
# Each wrong code doubles the wait before the next (django-otp's throttling), from 1 second.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# API tokens: an absolute limit, and an idle limit since the token was last used.
API_TOKEN_MAX_DAYS = env_int("API_TOKEN_MAX_DAYS", 90)
API_TOKEN_IDLE_DAYS = env_int("API_TOKEN_IDLE_DAYS", 14)

# Throttle counts live where every worker sees them: Redis when there is one, else the
# database (its table is made by signin's migrations).
CACHE_TABLE = "bangkok_cache"
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "bangkok"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
        }
    }
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("th", _("Thai")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One way of writing a date and a time per language, 24-hour (bangkok/locale_formats).
FORMAT_MODULE_PATH = ["bangkok.locale_formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "bangkok.static_files.CompressedOnce"
        if env_bool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Source maps are read by a developer's browser tools only: compressing them (the API docs'
# bundles bring 6 MB of them) was most of `collectstatic`'s time, and so of `make run`'s start.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "signin.authentication.ApiTokenAuthentication",
        "signin.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["bangkok.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "bangkok.errors.api_exception_handler",
    "DEFAULT_THROTTLE_RATES": {"token": os.environ.get("TOKEN_THROTTLE", "20/min")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Bangkok API",
    "DESCRIPTION": (
        "Case management for women's prisons under the UN Bangkok Rules. Every operation is "
        "scoped to the facilities the caller is assigned to; confidential fields are absent "
        "for roles without the right to them."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its docs are for signed-in staff only.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets named once: the clinical file's share field names (`kind`, `item`, `stage`)
    # with each other and with admission's.
    "ENUM_NAME_OVERRIDES": {
        f"{name}Enum": f"{module}.{choices}"
        for module, names in {
            "health.models": {
                "ScreeningItem": "Item",
                "ScreeningAnswer": "Answer",
                "HivConsent": "Consent",
                "HivResult": "HivResult",
                "LegalAction": "LegalAction",
                "DisclosureKind": "Disclosure.Kind",
                "PregnancyStatus": "PregnancyStatus",
                "PregnancyOutcome": "PregnancyOutcome",
                "BirthPlace": "BirthPlace",
                "ContactStage": "ContactStage",
                "FeedingStatus": "FeedingStatus",
                "PreventiveKind": "ScreeningKind",
                "PreventiveResult": "ScreeningResult",
                "EncounterKind": "EncounterKind",
                "PresenceReason": "PresenceReason",
                "RiskLevel": "RiskLevel",
                "DistressKind": "DistressKind",
                # Keeps its name beside the reasons for a use of force.
                "Reason": "RestraintLimitReason",
            },
            # Admission's keep the names they had before the clinical file shared them.
            "admissions.models": {"Item": "RightsItem", "Outcome": "Outcome", "Stage": "Stage"},
            "prisoners.models": {
                "ObservationLevel": "ObservationLevel",
                "LegalStatus": "LegalStatus",
            },
            "staff.models": {"Gender": "Gender"},
            # Havana r. 19: the legal basis of opening a girl's sealed record.
            "girls.models": {"LegalBasis": "LegalBasis"},
            # Rule 8: why the glass is broken, and what its review finds.
            "breakglass.models": {"BreakGlassReason": "Reason", "BreakGlassFinding": "Finding"},
            "breaches.models": {"BreachKind": "Kind"},
            "force.models": {
                "ForceTechnique": "Technique",
                "ForceReason": "Reason",
                "ForceInjury": "Injury",
                "ForceReviewOutcome": "Outcome",
            },
            "classification.models": {
                "ClassificationKind": "Kind",
                "ClassificationLevel": "Level",
                "ClassificationDegree": "Degree",
                "ClassificationRaiseReason": "RaiseReason",
                "ClassificationNeed": "Need",
            },
            "selfharm.models": {
                "SelfHarmPrompt": "Prompt",
                "SelfHarmRisk": "Risk",
                "SelfHarmTeam": "Team",
                "SelfHarmCheckOutcome": "CheckOutcome",
            },
            "equality.models": {
                "Religion": "Religion",
                "FaithNeedKind": "NeedKind",
            },
            "equality.services": {"Faith": "FAITHS"},
            "pretrial.models": {"HearingKind": "HearingKind", "HearingResult": "HearingResult"},
            # A recommendation's status, and the answers a follow-up gives it (Rule 25.3).
            "inspections.models": {
                "RecommendationStatus": "Status",
                "FollowUpStatus": "ANSWER_CHOICES",
            },
            "safeguarding.models": {
                "IncidentKind": "Kind",
                "IncidentReportedBy": "ReportedBy",
                "InvolvementPart": "Part",
                "SafeguardingMeasure": "Measure",
                "CareNeedKind": "NeedKind",
                "CareNeedEnd": "NeedEnd",
                "ConcernWay": "ConcernWay",
                "ConcernTriage": "Triage",
            },
            "restraints.models": {
                "RestraintDevice": "Device",
                "RestraintPurpose": "Purpose",
                "RestraintPlace": "Place",
            },
            "discipline.models": {
                "ChargeStatus": "ChargeStatus",
                "MentalHealth": "MentalHealth",
                "SanctionType": "SanctionType",
                "SanctionPrivilege": "Privilege",
                "SanctionStatus": "SanctionStatus",
                "SanctionReviewOutcome": "ReviewOutcome",
                "SegregationKind": "SegregationKind",
                "ContactMeans": "ContactMeans",
            },
            "complaints.models": {
                "ComplaintKind": "Kind",
                "ComplaintChannel": "Channel",
                "ComplaintSubject": "Subject",
                "ComplaintStatus": "ComplaintStatus",
                "AbuseTiming": "Timing",
                "AllegedPerpetrator": "Perpetrator",
                "ProtectionMeasure": "Measure",
                "HeldActionKind": "AdverseKind",
                "HeldActionStatus": "HeldStatus",
            },
            "visits.models": {
                "Relationship": "Relationship",
                "VisitorStatus": "VisitorStatus",
                "VisitorAnswer": "Answer",
                "VisitKind": "VisitKind",
                "VisitStatus": "VisitStatus",
                "CancelledBy": "CancelledBy",
                "ContactKind": "ContactKind",
            },
            "searches.models": {
                "SearchSubject": "Subject",
                "SearchKind": "Kind",
                "SearchTrigger": "Trigger",
            },
            "searches.services.training": {"TrainingStatus": "TrainingStatus"},
            "parole.models": {
                "LeaveKind": "LeaveKind",
                "LeaveReason": "LeaveReason",
                "LeaveOutcome": "LeaveOutcome",
                "NonCustodialOutcome": "NonCustodialOutcome",
            },
            "register.models": {"AppealOutcome": "AppealOutcome"},
            "regime.models": {
                "ActivityKind": "Kind",
                "PlaceEndReason": "EndReason",
                "Absence": "Absence",
            },
            "release.models": {
                "RecordsCopyKind": "CopyKind",
                "RecordsCopyOutcome": "Handed",
                "ReleasePlanPartStatus": "PartStatus",
            },
        }.items()
        for name, choices in names.items()
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "bangkok.schema.add_common_responses",
    ],
    # Swagger UI is served by the app (sidecar package), never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

GUARDIAN_RAISE_403 = False
GUARDIAN_RENDER_403 = False
ANONYMOUS_USER_NAME = None

# Celery: Redis when REDIS_URL is set, otherwise a broker on the filesystem that needs no server.
REDIS_URL = os.environ.get("REDIS_URL", "")
BROKER_DIR = Path(os.environ.get("BROKER_DIR", BASE_DIR / "var" / "broker"))
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
REMINDER_SWEEP_SECONDS = env_int("REMINDER_SWEEP_SECONDS", 60)
POSTPARTUM_REFRESH_SECONDS = env_int("POSTPARTUM_REFRESH_SECONDS", 3600)
SEGREGATION_VISITS_SECONDS = env_int("SEGREGATION_VISITS_SECONDS", 3600)
RESEARCH_EXTRACT_SECONDS = env_int("RESEARCH_EXTRACT_SECONDS", 7 * 24 * 60 * 60)
CELERY_BEAT_SCHEDULE = {
    # Rules 67, 68: the de-identified research extract, written under RESEARCH_DIR.
    "research-extract": {
        "task": "research.tasks.produce_extract",
        "schedule": RESEARCH_EXTRACT_SECONDS,
    },
    "sweep-reminders": {
        "task": "reminders.tasks.sweep_reminders",
        "schedule": REMINDER_SWEEP_SECONDS,
    },
    # Mandela 47-48: an emergency restraint still unconfirmed at its limit is escalated once.
    "sweep-late-authorities": {
        "task": "authority.tasks.sweep_late_authorities",
        "schedule": REMINDER_SWEEP_SECONDS,
    },
    # Rule 45: her eligibility for leave, reviewed at set points from her admission.
    "schedule-leave-eligibility-reviews": {
        "task": "parole.tasks.schedule_eligibility_reviews",
        "schedule": SEGREGATION_VISITS_SECONDS,
    },
    "refresh-postpartum-flags": {
        "task": "health.tasks.refresh_postpartum_flags",
        "schedule": POSTPARTUM_REFRESH_SECONDS,
    },
    # Mandela 46: the day's health visit to each segregated woman (one reminder a day,
    # however often it runs), and Rule 22 re-checked for each of them.
    "schedule-segregation-visits": {
        "task": "discipline.tasks.schedule_segregation_visits",
        "schedule": SEGREGATION_VISITS_SECONDS,
    },
    # Mandela 43-44: a segregation still open at the end of her 15th consecutive day is ended
    # by the system, whatever its plan says.
    "end-segregations-at-limit": {
        "task": "discipline.tasks.end_segregations_at_limit",
        "schedule": REMINDER_SWEEP_SECONDS,
    },
    # RULES-SPEC 2.16: remind the governor of staff trainings about to expire (once a day).
    "schedule-training-expiry-reminders": {
        "task": "searches.tasks.schedule_training_expiry_reminders",
        "schedule": 24 * 60 * 60,
    },
    # Rules 26, 28, 43: remind social workers of a woman with no family contact, or a mother
    # separated from her child with no visit with children (once a day).
    "schedule-contact-reminders": {
        "task": "visits.tasks.schedule_contact_reminders",
        "schedule": 24 * 60 * 60,
    },
    # Rule 5: ask custody for the week's hygiene stock check where one is due (one task a
    # facility a week, however often it runs).
    "schedule-hygiene-stock-checks": {
        "task": "hygiene.tasks.schedule_stock_checks",
        "schedule": 6 * 60 * 60,
    },
    # Mandela 44: each day of the last REGIME_CHECK_DAYS a woman in custody was locked up
    # DE_FACTO_SOLITARY_HOURS or more with no segregation on record goes to the governor, and
    # each day with no time out of cell recorded to oversight (once a day each, however often
    # it runs).
    "check-de-facto-solitary": {
        "task": "regime.tasks.check_de_facto_solitary",
        "schedule": 6 * 60 * 60,
    },
    # Rules 56, 58: the social workers asked for her caretaking information PRETRIAL_NOTICE_DAYS
    # before each hearing, and the governor told of a woman untried for more than
    # PRETRIAL_LONG_DAYS (once each, however often it runs).
    "pretrial-clock": {
        "task": "pretrial.tasks.pretrial_clock",
        "schedule": 60 * 60,
    },
}

# How long before a reminder's due time it shows as "due today", and how long after its due
# time a reminder with no explicit escalation goes to the governor.
REMINDER_DEFAULT_ESCALATION = timedelta(hours=env_int("REMINDER_DEFAULT_ESCALATION_HOURS", 24))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies and SQL parameters may carry confidential values: never log them.
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        # The information sheet's PDF: WeasyPrint names each screen-only rule of the CSS it
        # skips, and fontTools each font it reads.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

# Admission deadlines (RULES-SPEC 2.1, 2.5): entry health screening, and the consular offer
# for a foreign national.
HEALTH_SCREENING_DUE_HOURS = env_int("HEALTH_SCREENING_DUE_HOURS", 24)
CONSULAR_OFFER_DUE_HOURS = env_int("CONSULAR_OFFER_DUE_HOURS", 24)
# Injuries or complaints of ill-treatment noted at reception: due at once, escalated after.
INJURY_REVIEW_ESCALATE_HOURS = env_int("INJURY_REVIEW_ESCALATE_HOURS", 4)

# Rule 3: a child whose whereabouts or custody are not known is followed up this fast.
CHILD_WHEREABOUTS_FOLLOW_UP_HOURS = env_int("CHILD_WHEREABOUTS_FOLLOW_UP_HOURS", 48)
# Rules 49 and 52.1: a child living with her mother in prison stays on a best-interests
# decision, reviewed at least every CHILD_IN_PRISON_REVIEW_MONTHS and before the national
# maximum age of stay. Both are set per jurisdiction by national law (RULES-SPEC 5); the
# defaults are placeholders. Social workers are reminded this many days before a review is due;
# a decision to admit a child not yet living with her is acted on within this many days.
CHILD_IN_PRISON_REVIEW_MONTHS = env_int("CHILD_IN_PRISON_REVIEW_MONTHS", 6)
CHILD_IN_PRISON_MAX_AGE_MONTHS = env_int("CHILD_IN_PRISON_MAX_AGE_MONTHS", 36)
CHILD_IN_PRISON_REVIEW_NOTICE_DAYS = env_int("CHILD_IN_PRISON_REVIEW_NOTICE_DAYS", 30)
CHILD_ADMISSION_DECISION_VALID_DAYS = env_int("CHILD_ADMISSION_DECISION_VALID_DAYS", 90)
# Rules 49-51: an application for a place in the mother and baby unit is decided this many
# days before the expected date of delivery she gives (or this many days after it is made,
# for a child already born), and her appeal this many days after she lodges it.
UNIT_DECISION_DAYS_BEFORE_BIRTH = env_int("UNIT_DECISION_DAYS_BEFORE_BIRTH", 42)
UNIT_DECISION_DAYS = env_int("UNIT_DECISION_DAYS", 14)
UNIT_APPEAL_DECISION_DAYS = env_int("UNIT_APPEAL_DECISION_DAYS", 14)
# Rule 51.2: a child living in prison goes on an outing or to nursery outside at least this
# often; social workers are asked when one is due.
CHILD_OUTING_DAYS = env_int("CHILD_OUTING_DAYS", 14)
# Rule 51.2: a child who comes to live with her while she is on a unit not suited to children:
# custody move her within this many hours, and the governor is told when they haven't.
UNIT_FOR_CHILD_WITHIN = timedelta(hours=env_int("UNIT_FOR_CHILD_HOURS", 24))
# Mandela 11(b), (c): a woman whose legal status changed is moved off a unit of women kept
# apart from her within this many hours.
UNIT_MOVE_WITHIN = timedelta(hours=env_int("UNIT_MOVE_HOURS", 24))
# Rule 53.1: a sentenced foreign national's transfer to her home country is considered with her
# within this many days of her admission.
HOME_TRANSFER_CONSIDER_DAYS = env_int("HOME_TRANSFER_CONSIDER_DAYS", 30)
# Rule 52: after a child leaves her, social workers follow her up within this many days.
SEPARATION_FOLLOW_UP_DAYS = env_int("SEPARATION_FOLLOW_UP_DAYS", 7)
# Health (RULES-SPEC 2.5, 2.10, 2.19): follow-ups and counselling deadlines.
SCREENING_FOLLOW_UP_HOURS = env_int("SCREENING_FOLLOW_UP_HOURS", 72)
HIV_POST_TEST_COUNSELLING_DAYS = env_int("HIV_POST_TEST_COUNSELLING_DAYS", 7)
CHILD_SCREENING_DUE_HOURS = env_int("CHILD_SCREENING_DUE_HOURS", 24)
# Her way home (Rules 45-47): the release plan starts this many days before her earliest
# release date; health continuity is handed over to community services, and the plan due
# complete, this many days before it.
RELEASE_PLAN_START_DAYS = env_int("RELEASE_PLAN_START_DAYS", 90)
RELEASE_HEALTH_HANDOVER_DAYS = env_int("RELEASE_HEALTH_HANDOVER_DAYS", 30)
RELEASE_PLAN_DUE_DAYS = env_int("RELEASE_PLAN_DUE_DAYS", 14)
# Rules 14, 15, 17: HIV care for a pregnant woman living with HIV, referral to a treatment
# programme after a dependency is found (at once when pregnant), health information after
# the entry screening.
PMTCT_DUE_DAYS = env_int("PMTCT_DUE_DAYS", 7)
SUBSTANCE_REFERRAL_DAYS = env_int("SUBSTANCE_REFERRAL_DAYS", 7)
HEALTH_EDUCATION_DAYS = env_int("HEALTH_EDUCATION_DAYS", 14)
# Rule 51.1: the ages (in months) at which a child living in prison has a development check,
# as the national schedule sets them.
CHILD_CHECK_MONTHS = [int(m) for m in env_list("CHILD_CHECK_MONTHS", "1,2,4,6,9,12,18,24,36,48")]
# Rules 13 and 16: a time of particular distress is followed by a re-check this fast; while
# she is under observation, the level is reviewed at least this often.
DISTRESS_RECHECK_HOURS = env_int("DISTRESS_RECHECK_HOURS", 24)
OBSERVATION_REVIEW_HOURS = env_int("OBSERVATION_REVIEW_HOURS", 24)
# Rule 18: the community screening programme preventive care is benchmarked against, "who"
# or "uspstf" (presets in health/services/preventive.py); an abnormal result is followed up
# (colposcopy or triage) within this many days.
PREVENTIVE_POLICY = os.environ.get("PREVENTIVE_POLICY", "who")
PREVENTIVE_FOLLOW_UP_DAYS = env_int("PREVENTIVE_FOLLOW_UP_DAYS", 30)
# The longest an inspector's access to a clinical file may last on one consent.
CLINICAL_CONSENT_MAX_DAYS = env_int("CLINICAL_CONSENT_MAX_DAYS", 30)
# Rule 24: no restraints from labour to the end of the post-partum period (days after the
# birth); beat clears the flag when it ends (POSTPARTUM_REFRESH_SECONDS, with the beat schedule).
POSTPARTUM_PERIOD_DAYS = env_int("POSTPARTUM_PERIOD_DAYS", 42)
# Rules 7.3 and 25.1: after a report or disclosure of abuse, adverse actions against her are
# held for review this long.
RETALIATION_PROTECTION_DAYS = env_int("RETALIATION_PROTECTION_DAYS", 90)
# Mandela Rule 57: a complaint is acknowledged and answered without undue delay.
COMPLAINT_ACKNOWLEDGE_HOURS = env_int("COMPLAINT_ACKNOWLEDGE_HOURS", 48)
COMPLAINT_REPLY_DAYS = env_int("COMPLAINT_REPLY_DAYS", 30)
# Rule 2.2: a request for suspension of detention is followed up if undecided after this.
SUSPENSION_FOLLOW_UP_HOURS = env_int("SUSPENSION_FOLLOW_UP_HOURS", 72)
# Mandela 43-44: segregation is planned to end within this many consecutive days (never more
# than 15, which the database also holds); the governor is alerted on day SEGREGATION_ALERT_DAY.
# Rule 5: how many days a facility goes without a hygiene stock check before custody is asked.
HYGIENE_STOCK_CHECK_DAYS = env_int("HYGIENE_STOCK_CHECK_DAYS", 7)
# Mandela 2: on oversight, no count by group below this (and no group of fewer women) is shown.
# Rules 67-70, Mandela 2: no aggregate figure shows a count below k (`bangkok.suppression`).
SMALL_CELL = env_int("SMALL_CELL", 5)
EQUALITY_SMALL_CELL = env_int("EQUALITY_SMALL_CELL", SMALL_CELL)
# Rules 67, 68: where the research extract is written, what it says of the facility ("kind":
# a women's prison or a women's unit; "none"), and at most what share of its rows may be left
# out before its fields are made coarser still.
RESEARCH_DIR = Path(os.environ.get("RESEARCH_DIR", BASE_DIR / "var" / "research"))
RESEARCH_FACILITY = os.environ.get("RESEARCH_FACILITY", "kind")
RESEARCH_MAX_SUPPRESSED = float(os.environ.get("RESEARCH_MAX_SUPPRESSED", "0.05"))
# Mandela 65: how many days a visit of a faith representative she asked for may wait to be
# arranged before the governor is told.
EQUALITY_FAITH_VISIT_DAYS = env_int("EQUALITY_FAITH_VISIT_DAYS", 7)
SEGREGATION_MAX_DAYS = min(env_int("SEGREGATION_MAX_DAYS", 15), 15)
SEGREGATION_ALERT_DAY = env_int("SEGREGATION_ALERT_DAY", 13)
# A break shorter than this many whole days out of segregation does not reset the count: the
# days segregated before and after it add up (Mandela 44: a day out does not reset the 15).
SEGREGATION_BREAK_RESETS_AFTER_DAYS = max(env_int("SEGREGATION_BREAK_RESETS_AFTER_DAYS", 7), 2)
# The system ends a segregation still open on her last allowed day this many minutes before
# that day ends, so that she is out before day 16 begins.
SEGREGATION_SYSTEM_END_MINUTES = env_int("SEGREGATION_SYSTEM_END_MINUTES", 30)
# Mandela 44: 22 hours or more a day without meaningful human contact is solitary
# confinement; a woman locked up this long on a day with no segregation on record is in de
# facto solitary confinement, and the governor is asked the next day. A time out of cell
# below REGIME_REASON_BELOW_MINUTES says why (Mandela 23: an hour in the open air at least,
# and Rule 42: a balanced programme of activities). The daily check looks back this many days
# (a day recorded late is checked too).
DE_FACTO_SOLITARY_HOURS = env_int("DE_FACTO_SOLITARY_HOURS", 22)
REGIME_REASON_BELOW_MINUTES = env_int("REGIME_REASON_BELOW_MINUTES", 240)
REGIME_CHECK_DAYS = env_int("REGIME_CHECK_DAYS", 7)
# Rule 24, Mandela 48: while a restraint is applied, custody review it this often (minutes);
# a review not done within the escalation time goes to the governor.
RESTRAINT_REVIEW_MINUTES = env_int("RESTRAINT_REVIEW_MINUTES", 30)
# Rule 45: her eligibility for home leave and temporary release is reviewed this often (the
# first review falls due this long after she came into custody); the governor decides a
# request within LEAVE_DECISION_DAYS (or before it would start); custody are reminded when she
# is due back, escalated LEAVE_RETURN_ESCALATION_HOURS after.
LEAVE_ELIGIBILITY_REVIEW_DAYS = env_int("LEAVE_ELIGIBILITY_REVIEW_DAYS", 90)
LEAVE_DECISION_DAYS = env_int("LEAVE_DECISION_DAYS", 7)
LEAVE_RETURN_ESCALATION_HOURS = env_int("LEAVE_RETURN_ESCALATION_HOURS", 2)
# Rule 63: her parole review is submitted this many days before her eligibility date.
PAROLE_FILE_DAYS = env_int("PAROLE_FILE_DAYS", 60)
# Rule 64: a pregnancy or a new dependent child: non-custodial options reviewed within this.
NONCUSTODIAL_REVIEW_DAYS = env_int("NONCUSTODIAL_REVIEW_DAYS", 14)
# Rule 59: protective custody is reviewed with its supervising authority this often.
PROTECTIVE_CUSTODY_REVIEW_DAYS = env_int("PROTECTIVE_CUSTODY_REVIEW_DAYS", 14)
RESTRAINT_REVIEW_ESCALATION_MINUTES = env_int("RESTRAINT_REVIEW_ESCALATION_MINUTES", 30)
# Mandela 47-48: a restraint applied at once in an emergency, before the governor could be
# asked, is confirmed by her (with her own sign-in) or removed within this many minutes;
# past it, the governor and custody are alerted and oversight counts it late.
RESTRAINT_EMERGENCY_CONFIRM_MINUTES = env_int("RESTRAINT_EMERGENCY_CONFIRM_MINUTES", 30)
# Mandela 82, Rule 24: after a use of force health staff check her within this many hours, and
# the governor reviews it within FORCE_REVIEW_HOURS; a task not done within its escalation
# time goes to the governor's escalations.
FORCE_HEALTH_CHECK_HOURS = env_int("FORCE_HEALTH_CHECK_HOURS", 2)
FORCE_HEALTH_CHECK_ESCALATION_HOURS = env_int("FORCE_HEALTH_CHECK_ESCALATION_HOURS", 2)
FORCE_REVIEW_HOURS = env_int("FORCE_REVIEW_HOURS", 72)
FORCE_REVIEW_ESCALATION_HOURS = env_int("FORCE_REVIEW_ESCALATION_HOURS", 24)
# Rules 40, 41: a woman is classified with a gender-sensitive tool (named here, kept on each
# classification) within CLASSIFICATION_DAYS of her admission, and reviewed every
# CLASSIFICATION_REVIEW_MONTHS, and within CLASSIFICATION_EVENT_DAYS of a birth, a pregnancy
# or a new dependent child.
CLASSIFICATION_INSTRUMENT = os.environ.get(
    "CLASSIFICATION_INSTRUMENT", "Women's risk and needs assessment (gender-sensitive), v1"
)
# The tool's bands, as the prison service validated its tool: a score (four risk factors, each
# 0-2) up to CLASSIFICATION_LOW_UP_TO is low security, up to CLASSIFICATION_MEDIUM_UP_TO
# medium, above it high. Low by default (Rule 41(a): the generally lower risk women pose).
CLASSIFICATION_LOW_UP_TO = env_int("CLASSIFICATION_LOW_UP_TO", 2)
CLASSIFICATION_MEDIUM_UP_TO = env_int("CLASSIFICATION_MEDIUM_UP_TO", 5)
if not 0 <= CLASSIFICATION_LOW_UP_TO < CLASSIFICATION_MEDIUM_UP_TO <= 8:
    raise ImproperlyConfigured(
        "The classification bands need 0 <= CLASSIFICATION_LOW_UP_TO < "
        "CLASSIFICATION_MEDIUM_UP_TO <= 8 (the highest score)."
    )
CLASSIFICATION_DAYS = env_int("CLASSIFICATION_DAYS", 14)
CLASSIFICATION_REVIEW_MONTHS = env_int("CLASSIFICATION_REVIEW_MONTHS", 6)
CLASSIFICATION_EVENT_DAYS = env_int("CLASSIFICATION_EVENT_DAYS", 14)
# Rules 12, 16, 35: a self-harm case is assessed within this many hours of the concern; health
# staff decide her observation level within SELFHARM_OBSERVATION_HOURS; her case is reviewed
# at most this many days apart by her risk; a closed case is checked within
# SELFHARM_CHECK_DAYS; health staff record the clinical part of an incident within
# SELFHARM_CLINICAL_HOURS; an overdue review goes to the governor after the escalation hours.
SELFHARM_ASSESSMENT_HOURS = env_int("SELFHARM_ASSESSMENT_HOURS", 24)
SELFHARM_OBSERVATION_HOURS = env_int("SELFHARM_OBSERVATION_HOURS", 4)
SELFHARM_REVIEW_DAYS_HIGH = env_int("SELFHARM_REVIEW_DAYS_HIGH", 1)
SELFHARM_REVIEW_DAYS_RAISED = env_int("SELFHARM_REVIEW_DAYS_RAISED", 3)
SELFHARM_REVIEW_DAYS_LOW = env_int("SELFHARM_REVIEW_DAYS_LOW", 7)
SELFHARM_CHECK_DAYS = env_int("SELFHARM_CHECK_DAYS", 7)
SELFHARM_CLINICAL_HOURS = env_int("SELFHARM_CLINICAL_HOURS", 24)
SELFHARM_ESCALATION_HOURS = env_int("SELFHARM_ESCALATION_HOURS", 24)
# Rule 25.1; Mandela 5.2: a victim's support plan and a perpetrator's management are made
# within SAFEGUARDING_PLAN_HOURS of the incident and reviewed at most SAFEGUARDING_REVIEW_DAYS
# apart; a concern her family raised is triaged within SAFEGUARDING_TRIAGE_HOURS; a social-care
# need's plan is reviewed at most SAFEGUARDING_NEED_REVIEW_DAYS apart.
SAFEGUARDING_PLAN_HOURS = env_int("SAFEGUARDING_PLAN_HOURS", 24)
SAFEGUARDING_REVIEW_DAYS = env_int("SAFEGUARDING_REVIEW_DAYS", 28)
SAFEGUARDING_TRIAGE_HOURS = env_int("SAFEGUARDING_TRIAGE_HOURS", 24)
SAFEGUARDING_NEED_REVIEW_DAYS = env_int("SAFEGUARDING_NEED_REVIEW_DAYS", 90)
# A search, restraint or charge recorded more than this many hours after it happened says why
# it is recorded late (`bangkok.late`).
LATE_RECORD_REASON_AFTER_HOURS = env_int("LATE_RECORD_REASON_AFTER_HOURS", 4)

# RULES-SPEC 2.11, 2.16: the governor is reminded this many days before a member of staff's
# training (search methods, searching children, and the rest) expires.
TRAINING_EXPIRY_NOTICE_DAYS = env_int("TRAINING_EXPIRY_NOTICE_DAYS", 60)
# Rule 33.1 (RULES-SPEC 2.16): a new starter completes the training in women's rights and
# gender-specific needs within this many days of starting work with women prisoners; the
# governor is reminded a month before.
NEW_STARTER_TRAINING_DAYS = env_int("NEW_STARTER_TRAINING_DAYS", 90)
# Rule 33.1: posting a member of staff who lacks that training to a facility "warn"s (the
# grant goes ahead, the governor who confirms it is told) or is "refuse"d.
POSTING_WITHOUT_WOMENS_TRAINING = os.environ.get("POSTING_WITHOUT_WOMENS_TRAINING", "warn")
if POSTING_WITHOUT_WOMENS_TRAINING not in ("warn", "refuse"):
    raise ImproperlyConfigured("POSTING_WITHOUT_WOMENS_TRAINING is warn or refuse.")

# Rules 36-39 (RULES-SPEC 2.17): a girl's parent or guardian is told within this many hours
# of her admission, transfer or release; she has a place in education within this many days of
# her admission; health staff offer her a gynaecologist within this many days of it, then every
# this many months while she is under 18; a pregnant girl is referred to a specialist within
# this many days of her pregnancy being recorded.
GIRLS_GUARDIAN_HOURS = env_int("GIRLS_GUARDIAN_HOURS", 24)
GIRLS_EDUCATION_DAYS = env_int("GIRLS_EDUCATION_DAYS", 7)
GIRLS_GYNAECOLOGY_DAYS = env_int("GIRLS_GYNAECOLOGY_DAYS", 30)
GIRLS_GYNAECOLOGY_MONTHS = env_int("GIRLS_GYNAECOLOGY_MONTHS", 6)
GIRLS_SPECIALIST_DAYS = env_int("GIRLS_SPECIALIST_DAYS", 7)
# RULES-SPEC 2.21 (Rules 56, 58): her caretaking information asked of the social workers this
# many days before each hearing, due this many days before it; her pretrial-safety screen
# within PRETRIAL_SCREEN_DAYS of her admission untried; the governor told of a woman untried
# for more than PRETRIAL_LONG_DAYS.
PRETRIAL_NOTICE_DAYS = env_int("PRETRIAL_NOTICE_DAYS", 7)
PRETRIAL_NOTICE_DUE_DAYS = env_int("PRETRIAL_NOTICE_DUE_DAYS", 2)
PRETRIAL_SCREEN_DAYS = env_int("PRETRIAL_SCREEN_DAYS", 2)
PRETRIAL_LONG_DAYS = env_int("PRETRIAL_LONG_DAYS", 180)
# Havana r. 19 (RULES-SPEC 2.17): the records of a woman who was under 18 when an episode in
# custody began are sealed this many days after her release, when what the release needs has
# settled (her copy of her records, her parent or guardian told, the follow-ups of her health
# and her family); beat seals those due every GIRL_RECORDS_SEAL_SECONDS. A sealed record the
# governor opens on a legal basis stays open to her this many days.
GIRL_RECORDS_SEALED_AFTER_DAYS = env_int("GIRL_RECORDS_SEALED_AFTER_DAYS", 30)
GIRL_RECORDS_OPEN_DAYS = env_int("GIRL_RECORDS_OPEN_DAYS", 7)
GIRL_RECORDS_SEAL_SECONDS = env_int("GIRL_RECORDS_SEAL_SECONDS", 3600)
# RULES-SPEC 1, T4 (Rule 8; indicator 53): the emergency part of her clinical file opened by
# break-glass stays open to whoever opened it this many minutes; an access not reviewed by a
# second person is a task for health staff due this many days after it.
BREAK_GLASS_MINUTES = env_int("BREAK_GLASS_MINUTES", 60)
BREAK_GLASS_REVIEW_DAYS = env_int("BREAK_GLASS_REVIEW_DAYS", 3)
CELERY_BEAT_SCHEDULE["seal-girls-records"] = {
    "task": "girls.tasks.seal_due_records",
    "schedule": GIRL_RECORDS_SEAL_SECONDS,
}

# Rule 27: whether this prison service allows conjugal visits for men; where it does, women
# have them on equal terms, and where it doesn't, nobody does.
CONJUGAL_VISITS_FOR_MEN = env_bool("CONJUGAL_VISITS_FOR_MEN", False)
# Rules 26, 43 and 28 (RULES-SPEC 2.15): social workers are reminded when a woman has had no
# family contact, or a mother separated from her child no visit with children, for this long.
FAMILY_CONTACT_GAP_DAYS = env_int("FAMILY_CONTACT_GAP_DAYS", 30)
CHILD_VISIT_GAP_DAYS = env_int("CHILD_VISIT_GAP_DAYS", 30)
# Mandela 43.3, Rule 23: a restriction of her contact with one person lasts at most this long.
CONTACT_RESTRICTION_MAX_DAYS = env_int("CONTACT_RESTRICTION_MAX_DAYS", 90)

# Where `seed_demo` keeps a generated demo password, so `make run` can show it again.
DEMO_PASSWORD_FILE = Path(os.environ.get("DEMO_PASSWORD_FILE", BASE_DIR / "var" / "demo_password"))

# The country the prison service belongs to (ISO 3166): women of other nationalities are
# foreign nationals, with the consular rights of Rules 2.1 and 53.
HOME_COUNTRY = os.environ.get("HOME_COUNTRY", "TH")

# QUALITY S13: an administrator who reset a member of staff's password or two-factor sign-in
# could have signed in as her; for this many days she never decides a change of access that
# administrator requested (another governor does).
ACCESS_RESET_QUARANTINE_DAYS = env_int("ACCESS_RESET_QUARANTINE_DAYS", 30)

# Rule 25.3: the days before an inspection visit whose oversight figures are frozen on it at
# its start (and shown beside today's on the next visit).
INSPECTION_FIGURES_DAYS = env_int("INSPECTION_FIGURES_DAYS", 90)

# Oversight at national scale (QUALITY.md P3): the lists and counts that must be zero dated by
# a moment, and the indicators over records dated by a day, are counted a day at a time, per
# facility, by the beat (`oversight.summaries`), for this many days back; a period reaching
# further back is counted live. 800: the indicators page sets a year beside the year before.
OVERSIGHT_SUMMARY_DAYS = env_int("OVERSIGHT_SUMMARY_DAYS", 800)
OVERSIGHT_SUMMARY_SECONDS = env_int("OVERSIGHT_SUMMARY_SECONDS", 60 * 60)
CELERY_BEAT_SCHEDULE["oversight-daily-counts"] = {
    "task": "oversight.tasks.refresh_daily_counts",
    "schedule": OVERSIGHT_SUMMARY_SECONDS,
}
# Oversight at national scale (QUALITY.md P8): every indicator of every facility for the
# periods the pages ask most (the last 30 days, the last year, the periods before them, the
# 12 months) is counted by the beat this often (`oversight.figures`); a page reads them while
# they were counted no longer than twice this ago, and says when, else counts live.
OVERSIGHT_FIGURES_SECONDS = env_int("OVERSIGHT_FIGURES_SECONDS", 5 * 60)
CELERY_BEAT_SCHEDULE["oversight-figures"] = {
    "task": "oversight.tasks.count_figures",
    "schedule": OVERSIGHT_FIGURES_SECONDS,
}
# Any other period a page is asked for (an inspector's since her last visit) is counted live
# the first time, then counted within OVERSIGHT_ASKED_SECONDS and by the beat with those, and
# read so, until this many hours after it was last asked; the beat counts at most
# OVERSIGHT_ASKED_MOST of them, the latest asked (each costs it about what counting the
# period live costs a page; looking for one newly asked, two queries). Every ten seconds: the
# next page she opens for the period (its indicators after its overview) reads the count;
# one count of them runs at a time, however long it takes.
OVERSIGHT_ASKED_HOURS = env_int("OVERSIGHT_ASKED_HOURS", 24)
OVERSIGHT_ASKED_MOST = env_int("OVERSIGHT_ASKED_MOST", 6)
OVERSIGHT_ASKED_SECONDS = env_int("OVERSIGHT_ASKED_SECONDS", 10)
CELERY_BEAT_SCHEDULE["oversight-asked"] = {
    "task": "oversight.tasks.count_asked",
    "schedule": OVERSIGHT_ASKED_SECONDS,
}
