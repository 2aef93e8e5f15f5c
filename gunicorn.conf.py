"""The production server: gunicorn, WSGI, threaded workers (read by gunicorn from the working directory).

Django's views are synchronous. Under ASGI each worker ran them one at a time on one
thread, so two workers kept about one core busy; under WSGI with threads a worker
overlaps one request's database wait with another's Python, and one worker per core
keeps every core busy (figures in docs/performance.md). Streaming responses (the
exports) stream as they are produced.

WEB_WORKERS   processes (default: one per core)
WEB_THREADS   threads per process (default 4); set DB_POOL_SIZE to the same number
WEB_BIND      address (default 0.0.0.0:8000)
WEB_TIMEOUT   seconds before a stuck worker is restarted (default 60)
WEB_ACCESS_LOG  "-" for access logs on standard output (default off)
"""

import os

wsgi_app = "project.wsgi:application"
bind = os.environ.get("WEB_BIND", "0.0.0.0:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", str(os.cpu_count() or 2)))
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, so no slow leak can grow a process without bound.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("WEB_ACCESS_LOG") or None
