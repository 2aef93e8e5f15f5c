# Attaché production image: gunicorn, WSGI, threaded workers (gunicorn.conf.py), static files by WhiteNoise.
# Configure with DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS (and optionally REDIS_URL, CORS_ALLOWED_ORIGINS);
# compose.yaml runs it with PostgreSQL and Redis. Two stages: the first installs the dependencies into a
# virtualenv and collects the static files; the second, the one that runs, gets those and the code, not pip's
# build leftovers. .ci/dockerfile-steps replays these steps where there is no Docker engine.

# --- build: dependencies and static files
FROM python:3.11-slim-bookworm AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

WORKDIR /app

RUN python -m venv /opt/venv

COPY pyproject.toml constraints.txt README.md ./
COPY project ./project
COPY common ./common
COPY sources ./sources
COPY people ./people
COPY events ./events
COPY fixtures ./fixtures
COPY manage.py gunicorn.conf.py ./

RUN pip install -c constraints.txt . \
    && SECRET_KEY=build-only ATTACHE_DATA_DIR=/app/data python manage.py collectstatic --noinput

# --- runtime: what runs, as an unprivileged user
FROM python:3.11-slim-bookworm AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=project.settings \
    ATTACHE_DATA_DIR=/app/data

WORKDIR /app

# A fixed numeric id, so volume permissions and runAsNonRoot policies can name it.
RUN groupadd --system --gid 10001 attache \
    && useradd --system --uid 10001 --gid attache --home-dir /app --no-create-home attache

COPY --from=build /opt/venv /opt/venv
COPY project ./project
COPY common ./common
COPY sources ./sources
COPY people ./people
COPY events ./events
COPY fixtures ./fixtures
COPY manage.py gunicorn.conf.py ./
# The collected static files (WhiteNoise serves them) and the data folder, the only one the app writes to.
COPY --from=build --chown=10001:10001 /app/data /app/data

USER 10001:10001
EXPOSE 8000

# /readyz answers 200 when the database does, 503 within a second when it does not (common/health.py).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]

# Workers, threads and the pool size: WEB_WORKERS, WEB_THREADS, DB_POOL_SIZE (gunicorn.conf.py, docs/performance.md).
CMD ["gunicorn", "-c", "gunicorn.conf.py"]
