"""The production server: gunicorn, WSGI, threaded workers (read by gunicorn from the working directory).

Django's views are synchronous. Under ASGI each worker ran them one at a time on one
thread, so two workers kept about one core busy. Under WSGI two processes per core, one
thread each, keep both cores busy; a process takes a connection only when a thread is free
and closes it after the response (``worker_connections = threads``, no keep-alive), so the
kernel hands each request to an idle process. With keep-alive, gthread workers accepted
connections whenever they could: one process could hold most of a client's connections and
queue them behind its own threads while another idled, which made the 99th percentile three
to ten times the median (docs/performance.md). Streaming responses stream as they are produced.

WEB_WORKERS   processes (default: two per core)
WEB_THREADS   threads per process (default 1); DB_POOL_SIZE (default 4) must be at least this
WEB_BIND      address (default 0.0.0.0:8000)
WEB_TIMEOUT   seconds before a stuck worker is restarted (default 60)
WEB_ACCESS_LOG  "-" for access logs on standard output (default off)
DB_STATEMENT_TIMEOUT  the longest one SQL statement of a request may run (default here 30s)
"""

import os

# No web request may hold PostgreSQL for longer than this (project/settings.py reads it; commands run without it).
os.environ.setdefault("DB_STATEMENT_TIMEOUT", "30s")

wsgi_app = "project.wsgi:application"
bind = os.environ.get("WEB_BIND", "0.0.0.0:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", str(2 * (os.cpu_count() or 1))))
threads = int(os.environ.get("WEB_THREADS", "1"))
# A process accepts a connection only when one of its threads is free, and answers with
# "Connection: close": requests queue in the kernel, fairly, not behind a busy process's threads.
worker_connections = threads
keepalive = 0
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
# A worker is replaced after this many requests, so no slow leak can grow a process without bound.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("WEB_ACCESS_LOG") or None


def post_worker_init(worker) -> None:
    """Move the loaded application's objects out of the garbage collector's sight.

    Django, DRF, strawberry and the schema leave some hundred thousand long-lived objects;
    every full collection walked them all, a pause that showed up in the 99th percentile.
    """
    import gc

    gc.collect()
    gc.freeze()
