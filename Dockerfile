# syntax=docker/dockerfile:1
# Bangkok case management: one image for web (gunicorn), Celery worker, Celery beat
# and the one-shot migrate job. Configuration comes only from the environment.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# Unprivileged user the processes run as; the source tree stays root-owned (read-only to it).
RUN groupadd --system --gid 1000 bangkok \
 && useradd --system --uid 1000 --gid bangkok --home-dir /home/bangkok --create-home \
        --shell /usr/sbin/nologin bangkok

WORKDIR /app

# WeasyPrint (the information sheet's PDF): Pango, HarfBuzz's subsetter and a Latin font; the
# app serves its own fonts for Thai, Arabic and Burmese.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

# Dependencies first, so this layer is reused until pyproject.toml changes.
# The project declares no Python packages (packages = []), so this installs only the
# dependency list; the code itself runs from the source tree copied below.
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir . \
 && pip uninstall -y bangkok

COPY . .

# Static files are served by whitenoise from STATIC_ROOT=/app/staticfiles.
# Build-time dummies only: collectstatic needs settings to load, not a database.
RUN SECRET_KEY=build-only-not-secret \
    DATABASE_URL=postgres://build@localhost/build \
    REDIS_URL=redis://localhost:6379/0 \
    DEBUG=0 \
    python manage.py collectstatic --noinput

USER bangkok

EXPOSE 8000

# No curl in slim images: use python's urllib. X-Forwarded-Proto keeps the probe from being
# redirected to https when SECURE_SSL_REDIRECT is on behind a TLS-terminating proxy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'X-Forwarded-Proto': 'https'}), timeout=4)"]

CMD ["gunicorn", "bangkok.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--no-control-socket", "--access-logfile", "-"]
