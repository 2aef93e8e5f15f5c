# Attaché production image: gunicorn, WSGI, threaded workers (gunicorn.conf.py), static files by WhiteNoise.
# Configure with DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS (and optionally REDIS_URL, CORS_ALLOWED_ORIGINS).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=project.settings \
    ATTACHE_DATA_DIR=/app/data

WORKDIR /app

RUN groupadd --system attache && useradd --system --gid attache --home-dir /app attache

COPY pyproject.toml constraints.txt README.md ./
COPY project ./project
COPY common ./common
COPY sources ./sources
COPY people ./people
COPY events ./events
COPY fixtures ./fixtures
COPY manage.py gunicorn.conf.py ./

RUN pip install -c constraints.txt . \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && mkdir -p /app/data && chown -R attache:attache /app/data

USER attache
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"

# Workers, threads and the pool size: WEB_WORKERS, WEB_THREADS, DB_POOL_SIZE (gunicorn.conf.py, docs/performance.md).
CMD ["gunicorn", "-c", "gunicorn.conf.py"]
