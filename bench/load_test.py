"""Attaché under concurrent load at a million events, beside PostGraphile 5 and a raw floor.

    .venv/bin/python bench/load_test.py                 # everything (about 25 minutes with the defaults)
    .venv/bin/python bench/load_test.py --duration 10 --repeat 1 --only gql50,rest50

What it does, in order:
1. builds the PostgreSQL database (``--database-url``, default …/attache_bench) with
   ``generate_synthetic_data --events 1000000 --seed 1`` unless it already holds that many events;
2. starts three servers on 127.0.0.1: Attaché as the Dockerfile serves it (gunicorn.conf.py:
   WSGI, gthread, one worker per core, DEBUG off, throttling off, response cache off),
   PostGraphile 5 (bench/postgraphile, one process per core) and the raw floor
   (bench/floor_server.py: psycopg 3 + orjson, same server and pool);
3. checks that PostGraphile and the floor answer with the same events and nested rows;
4. drives each request with wrk at each concurrency, alternating the servers and repeating
   each run, while sampling PostgreSQL's connections and the Attaché workers' memory (each
   request and server gets an untimed 3 s warm-up first: workers compile and cache on their
   first requests);
5. counts SQL queries per request in-process, then repeats the two main requests with the
   response cache on; prints Markdown tables (``--output`` also writes them to a file).

Load goes only to 127.0.0.1; every run is bounded by ``--duration``; the servers stop at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ATTACHE, FLOOR, PGL = "attache", "floor", "postgraphile"
PORTS = {ATTACHE: 8001, FLOOR: 8002, PGL: 5678}

GQL_EVENTS = """{ events(first: 50%s) { edges { node { title startDate country { iso2 name }
  participants(first: 10) { role titleAsReported person { name } office { title country { iso2 } } }
  topics(first: 5) { name } } } } }"""
PGL_EVENTS = """{ allEventsEvents(first: 50, orderBy: [START_DATE_DESC, ROW_ID_DESC],
  condition: {reviewState: "published"})
  { nodes { title startDate peopleCountryByCountryId { iso2 name }
    eventsParticipationsByEventId(first: 10, orderBy: ROW_ID_ASC) { nodes { role titleAsReported
      peoplePersonByPersonId { name } peopleOfficeByOfficeId { title peopleCountryByCountryId { iso2 } } } }
    eventsEventTopicsByEventId(first: 5) { nodes { eventsTopicByTopicId { name } } } } } }"""


@dataclass
class Request:
    name: str
    what: str
    targets: dict[str, tuple[str, str, str | None]]  # server -> (method, path, body)
    ratio_to: str | None = None


@dataclass
class Run:
    rps: float
    p50: float
    p99: float
    errors: int
    conns: int = 0
    rss: int = 0


@dataclass
class Result:
    runs: dict[tuple[str, str, int], list[Run]] = field(default_factory=dict)


def gql_body(query: str) -> str:
    return json.dumps({"query": query})


def requests(deep_rest: str, deep_gql: str) -> list[Request]:
    rest50 = "/api/v1/events/?page_size=50"
    return [
        Request(
            "gql50",
            "GraphQL: 50 latest events, country, participants, person, office and its country, topics",
            {
                ATTACHE: ("POST", "/graphql/", gql_body(GQL_EVENTS % "")),
                PGL: ("POST", "/graphql", gql_body(PGL_EVENTS)),
            },
            ratio_to=PGL,
        ),
        Request(
            "rest50",
            "REST: `/api/v1/events/?page_size=50`",
            {ATTACHE: ("GET", rest50, None), FLOOR: ("GET", rest50, None)},
            FLOOR,
        ),
        Request(
            "rest_deep",
            "REST: the same page 900,000 events deep",
            {ATTACHE: ("GET", f"{rest50}&cursor={deep_rest}", None)},
        ),
        Request(
            "gql_deep",
            "GraphQL: the same query 900,000 events deep",
            {ATTACHE: ("POST", "/graphql/", gql_body(GQL_EVENTS % f', after: "{deep_gql}"'))},
        ),
        Request(
            "rest_bilateral",
            "REST: `?country=US&country=KR&page_size=50`",
            {ATTACHE: ("GET", f"{rest50}&country=US&country=KR", None)},
        ),
        Request(
            "gql_bilateral",
            'GraphQL: the query with `filters: {countries: ["US", "KR"]}`',
            {ATTACHE: ("POST", "/graphql/", gql_body(GQL_EVENTS % ', filters: {countries: ["US", "KR"]}'))},
        ),
        Request(
            "rest_q",
            "REST: `?q=denuclearization&page_size=50`",
            {ATTACHE: ("GET", f"{rest50}&q=denuclearization", None)},
        ),
        Request(
            "tenures_on",
            "REST: `/api/v1/tenures/?on=2020-12-09&page_size=50`",
            {ATTACHE: ("GET", "/api/v1/tenures/?on=2020-12-09&page_size=50", None)},
        ),
    ]


# --- the database -------------------------------------------------------------------------------------------------


def ensure_database(url: str, events: int) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    env = server_env(url)
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    with psycopg.connect(url) as conn:
        have = conn.execute("SELECT count(*) FROM events_event").fetchone()[0]
    if have < events:
        print(f"building the database: {events:,} events (a few minutes)", flush=True)
        cmd = [PY, "manage.py", "generate_synthetic_data", "--events", str(events), "--seed", "1"]
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")  # as autovacuum would leave it: visibility map set, statistics fresh
        # A serving database has its working set in memory; a freshly built or rebooted one reads the disk at
        # random for minutes. Read every table and index once, sequentially, into the OS cache.
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        conn.execute(
            "SELECT sum(pg_prewarm(c.oid, 'read')) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i', 't')"
        )


def server_env(url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "REDIS_URL")}
    env.update(
        DATABASE_URL=url,
        SECRET_KEY="bench-only-secret-key-bench-only-secret-key",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        API_ANON_RATE="",
        API_USER_RATE="",
        RESPONSE_CACHE_SECONDS="0",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


# --- the servers --------------------------------------------------------------------------------------------------


@contextmanager
def serving(name: str, url: str, **extra: str):
    port = PORTS[name]
    if name == PGL:
        folder = ROOT / "bench" / "postgraphile"
        if not (folder / "node_modules" / "postgraphile").exists():
            subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--no-package-lock"], cwd=folder, check=True)
        cmd = ["node", "server.mjs"]
        cwd, env = folder, {**os.environ, "DATABASE_URL": url, "PORT": str(port)}
    else:
        app = "bench.floor_server:application" if name == FLOOR else "project.wsgi:application"
        cmd = [str(Path(PY).parent / "gunicorn"), "-c", "gunicorn.conf.py", app]
        cwd, env = ROOT, server_env(url, WEB_BIND=f"127.0.0.1:{port}", **extra)
    log = open(ROOT / "bench" / "results" / f"{name}.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_ready(port, name)
        yield proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def wait_ready(port: int, name: str) -> None:
    path = "/graphql" if name == PGL else "/api/v1/events/?page_size=1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if name == PGL:
                fetch(port, "POST", path, gql_body("{ __typename }"))
            else:
                fetch(port, "GET", path, None)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{name} did not start on port {port}: see bench/results/{name}.log")


def fetch(port: int, method: str, path: str, body: str | None) -> dict:
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=body.encode() if body else None,
        method=method,
        headers={"Content-Type": "application/json"} if body else {},
    )
    with urllib.request.urlopen(req, timeout=60) as response:
        return json.loads(response.read())


# --- the checks ---------------------------------------------------------------------------------------------------


def check_graphql() -> str:
    ours = fetch(PORTS[ATTACHE], "POST", "/graphql/", gql_body(GQL_EVENTS % ""))["data"]["events"]["edges"]
    theirs = fetch(PORTS[PGL], "POST", "/graphql", gql_body(PGL_EVENTS))["data"]["allEventsEvents"]["nodes"]

    def mine(n):
        n = n["node"]
        people = [
            (
                p["role"].lower(),
                p["titleAsReported"],
                (p["person"] or {}).get("name"),
                p["office"] and p["office"]["title"],
                p["office"] and (p["office"]["country"] or {}).get("iso2"),
            )
            for p in n["participants"]
        ]
        return (n["title"], n["startDate"], n["country"], people, sorted(t["name"] for t in n["topics"]))

    def pgl(n):
        people = []
        for p in n["eventsParticipationsByEventId"]["nodes"]:
            office = p["peopleOfficeByOfficeId"]
            people.append(
                (
                    p["role"],
                    p["titleAsReported"],
                    (p["peoplePersonByPersonId"] or {}).get("name"),
                    office and office["title"],
                    office and (office["peopleCountryByCountryId"] or {}).get("iso2"),
                )
            )
        topics = sorted(t["eventsTopicByTopicId"]["name"] for t in n["eventsEventTopicsByEventId"]["nodes"])
        return (n["title"], n["startDate"], n["peopleCountryByCountryId"], people, topics)

    a, b = [mine(n) for n in ours], [pgl(n) for n in theirs]
    if a != b:
        raise SystemExit("check failed: Attaché and PostGraphile return different events or nested rows")
    rows = sum(len(x[3]) + len(x[4]) for x in a)
    return f"GraphQL: Attaché and PostGraphile return the same {len(a)} events and {rows} nested rows"


def check_floor() -> str:
    path = "/api/v1/events/?page_size=50"
    ours = json.dumps(fetch(PORTS[ATTACHE], "GET", path, None)["results"]).replace(":8001/", ":PORT/")
    floor = json.dumps(fetch(PORTS[FLOOR], "GET", path, None)["results"]).replace(":8002/", ":PORT/")
    if ours != floor:
        raise SystemExit("check failed: the floor's JSON differs from Attaché's REST page")
    return f"REST: the floor's 50 results are identical to Attaché's ({len(ours):,} bytes of JSON)"


# --- load ---------------------------------------------------------------------------------------------------------

WARMUP_SECONDS = 3  # an untimed run before the first timed one of each request and server
WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port: int, method: str, path: str, body: str | None, connections: int, duration: int) -> Run:
    env = {**os.environ, "WRK_METHOD": method, "WRK_BODY": body or ""}
    cmd = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "wrk_request.lua"),
        f"http://127.0.0.1:{port}{path}",
    ]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, timeout=duration + 60).stdout
    latency = {q: float(v) * UNITS[u] for q, v, u in WRK_LATENCY.findall(out)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return Run(rps, latency.get("50", 0.0), latency.get("99", 0.0), errors)


class Sampler(threading.Thread):
    """Attaché's PostgreSQL connections and its largest worker's RSS, sampled every 0.5 s."""

    def __init__(self, url: str, server_pid: int | None) -> None:
        super().__init__(daemon=True)
        self.url, self.server_pid = url, server_pid
        self.stop, self.conns, self.rss = threading.Event(), 0, 0

    def run(self) -> None:
        import psycopg

        name = self.url.rsplit("/", 1)[1]
        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self.stop.wait(0.5):
                n = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name = 'attache'", (name,)
                ).fetchone()[0]
                self.conns = max(self.conns, n)
                if self.server_pid:
                    self.rss = max(self.rss, *(rss_kb(p) for p in children(self.server_pid)), 0)


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) if match else 0


def sql_per_request(url: str, reqs: list[Request]) -> dict[str, int]:
    """SQL queries per Attaché request, counted in-process with Django's test client on the same database."""
    code = """
import json, sys, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, out = Client(), {}
for name, (method, path, body) in json.loads(sys.argv[1]).items():
    call = client.get if method == "GET" else client.post
    kwargs = {"data": body, "content_type": "application/json"} if body else {}
    call(path, **kwargs)
    with CaptureQueriesContext(connection) as ctx:
        response = call(path, **kwargs)
    out[name] = len(ctx.captured_queries) if response.status_code == 200 else -response.status_code
print(json.dumps(out))
"""
    targets = {r.name: r.targets[ATTACHE] for r in reqs if ATTACHE in r.targets}
    env = server_env(url, DJANGO_SETTINGS_MODULE="project.settings")
    out = subprocess.run(
        [PY, "-c", code, json.dumps(targets)], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def deep_cursors(url: str, depth: int) -> tuple[str, str]:
    """A REST cursor and a GraphQL cursor ``depth`` published events into the default order (newest first)."""
    code = f"""
import base64, json, django
django.setup()
from common.graphql.keyset import encode_cursor
from events.models import Event
published = Event.objects.filter(review_state="published")
depth = min({depth}, published.count() - 50)  # the last full page when fewer events are published
row = published.order_by("-start_date", "-id").values("start_date", "id")[depth]
key = json.dumps({{"after": [row["start_date"].isoformat(), row["id"]]}})
rest = base64.urlsafe_b64encode(key.encode()).decode()
print(json.dumps([depth, rest, encode_cursor(row, ["start_date", "id"])]))
"""
    env = server_env(url, DJANGO_SETTINGS_MODULE="project.settings")
    out = subprocess.run([PY, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    depth, rest, gql = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"deep pages start {depth:,} published events in", flush=True)
    return urllib.parse.quote(rest), gql


def load(reqs, url, connections, duration, repeat, procs) -> Result:
    result, warmed = Result(), set()
    for req in reqs:
        for c in connections:
            for r in range(repeat):
                order = list(req.targets) if r % 2 == 0 else list(reversed(req.targets))  # alternate the servers
                for server in order:
                    method, path, body = req.targets[server]
                    if (req.name, server) not in warmed:  # every worker compiles and caches on its first requests
                        wrk(PORTS[server], method, path, body, max(connections), WARMUP_SECONDS)
                        warmed.add((req.name, server))
                    sampler = Sampler(url, procs[server].pid if server == ATTACHE else None)
                    sampler.start()
                    run = wrk(PORTS[server], method, path, body, c, duration)
                    sampler.stop.set()
                    sampler.join()
                    run.conns, run.rss = sampler.conns, sampler.rss
                    result.runs.setdefault((req.name, server, c), []).append(run)
                    print(
                        f"  {req.name:15} {server:12} c={c:<3} {run.rps:8.1f} req/s  p50 {run.p50:7.1f} ms  "
                        f"p99 {run.p99:7.1f} ms  errors {run.errors}  pg conns {run.conns}  rss {run.rss // 1024} MB",
                        flush=True,
                    )
    return result


# --- the report ---------------------------------------------------------------------------------------------------


def span(values: list[float], fmt: str = "{:,.0f}") -> str:
    lo, hi = min(values), max(values)
    return fmt.format(lo) if fmt.format(lo) == fmt.format(hi) else f"{fmt.format(lo)}–{fmt.format(hi)}"


def report(reqs, result: Result, connections, sql: dict[str, int], title: str) -> str:
    lines = [
        f"### {title}",
        "",
        "| request | server | c | req/s | p50 ms | p99 ms | errors | SQL/request | PG conns | worker RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    ratios = []
    for req in reqs:
        for c in connections:
            for server in req.targets:
                runs = result.runs.get((req.name, server, c))
                if not runs:
                    continue
                lines.append(
                    f"| {req.name} | {server} | {c} | {span([r.rps for r in runs], '{:,.1f}')} "
                    f"| {span([r.p50 for r in runs], '{:,.1f}')} "
                    f"| {span([r.p99 for r in runs], '{:,.1f}')} | {sum(r.errors for r in runs)} "
                    f"| {sql.get(req.name, '') if server == ATTACHE else ''} | {max(r.conns for r in runs)} "
                    f"| {max(r.rss for r in runs) // 1024 if server == ATTACHE else ''} |"
                )
            if req.ratio_to and (req.name, req.ratio_to, c) in result.runs and (req.name, ATTACHE, c) in result.runs:
                ours = statistics.median(r.rps for r in result.runs[(req.name, ATTACHE, c)])
                theirs = statistics.median(r.rps for r in result.runs[(req.name, req.ratio_to, c)])
                ratios.append(
                    f"- {req.name}, c={c}: Attaché {ours:,.1f} req/s = **{ours / theirs:.2f}×** "
                    f"{req.ratio_to} ({theirs:,.1f})"
                )
    deep = [(d, f) for d, f in (("rest_deep", "rest50"), ("gql_deep", "gql50"))]
    for d, f in deep:
        for c in connections:
            if (d, ATTACHE, c) in result.runs and (f, ATTACHE, c) in result.runs:
                p_deep = statistics.median(r.p50 for r in result.runs[(d, ATTACHE, c)])
                p_first = statistics.median(r.p50 for r in result.runs[(f, ATTACHE, c)])
                ratios.append(
                    f"- {d}, c={c}: p50 {p_deep:.1f} ms = {p_deep / p_first:.2f}× the first page's ({p_first:.1f} ms)"
                )
    return "\n".join([*lines, "", *ratios, ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/attache_bench")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk run (default 20)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per server and concurrency (default 2)")
    parser.add_argument("--connections", default="8,32")
    parser.add_argument("--only", default="", help="comma-separated request names (default: all)")
    parser.add_argument("--no-cache-run", action="store_true", help="skip the run with the response cache on")
    parser.add_argument("--output", help="also write the Markdown report to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install -y wrk")
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    connections = [int(c) for c in args.connections.split(",")]

    ensure_database(args.database_url, args.events)
    rest_deep, gql_deep = deep_cursors(args.database_url, 900_000)
    reqs = requests(rest_deep, gql_deep)
    if args.only:
        reqs = [r for r in reqs if r.name in args.only.split(",")]
    sql = sql_per_request(args.database_url, reqs)
    out = [
        f"Run {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores; wrk -t2, {args.duration} s per run, "
        f"{args.repeat} runs per server and concurrency, servers alternating.",
        "",
    ]
    with (
        serving(ATTACHE, args.database_url) as attache,
        serving(PGL, args.database_url) as pgl,
        serving(FLOOR, args.database_url) as floor,
    ):
        checks = [check_graphql(), check_floor()]
        print("\n".join(checks), flush=True)
        result = load(
            reqs, args.database_url, connections, args.duration, args.repeat, {ATTACHE: attache, PGL: pgl, FLOOR: floor}
        )
    out += [f"- {c}" for c in checks] + [""]
    out.append(report(reqs, result, connections, sql, "Response cache off"))
    cached = [r for r in reqs if r.name in ("gql50", "rest50")]
    if cached and not args.no_cache_run:
        with serving(ATTACHE, args.database_url, RESPONSE_CACHE_SECONDS="60") as attache:
            result = load(
                [Request(r.name, r.what, {ATTACHE: r.targets[ATTACHE]}) for r in cached],
                args.database_url,
                connections,
                args.duration,
                1,
                {ATTACHE: attache},
            )
        out.append(
            report(cached, result, connections, {}, "Response cache on (local memory, 60 s, invalidated by writes)")
        )
    text = "\n".join(out)
    print(text)
    if args.output:
        Path(args.output).write_text(text)


if __name__ == "__main__":
    main()
