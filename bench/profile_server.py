"""Where a loaded server's time goes: py-spy on every Attaché worker while wrk drives one request.

    .venv/bin/python bench/profile_server.py gql50 --duration 15
    .venv/bin/python bench/profile_server.py rest50

Starts Attaché as ``bench/load_test.py`` does (production settings, 1M-event database), warms
it, then samples every worker with ``py-spy record --format raw`` (needs root or ptrace
rights) for ``--duration`` seconds at c=8, and prints where the samples fall: the share of
samples in each top-level phase and the functions with the most time of their own.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load_test as lt

PHASES = [  # (label, a frame that marks it): a sample counts for the first phase whose frame it holds
    ("SQL: waiting for PostgreSQL", "psycopg/connection.py"),
    ("JSON rendering", "renderers.py"),
    ("building rows into objects (projection)", "common/projection.py"),
    ("compiling and running the page query (ORM)", "django/db/models/sql/compiler.py"),
    ("REST pagination", "rest_framework/pagination.py"),
    ("GraphQL parse, validate, execute", "strawberry/"),
    ("Django request handling and middleware", "django/core/handlers/"),
    ("gunicorn: accepting, reading, writing sockets", "gunicorn/"),
]


IDLE = ("concurrent/futures/thread.py", "selectors.py", "threading.py")  # leaf frames of waiting threads


def py_spy() -> str:
    found = Path(sys.executable).with_name("py-spy")
    return str(found) if found.exists() else "py-spy"


def record(pids: list[int], seconds: int, folder: Path) -> list[Path]:
    procs, files = [], []
    for pid in pids:
        out = folder / f"{pid}.txt"
        cmd = [
            py_spy(),
            "record",
            "-p",
            str(pid),
            "-d",
            str(seconds),
            "-r",
            "100",
            "--nonblocking",
            "--format",
            "raw",
            "-o",
            str(out),
        ]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        files.append(out)
    return files, procs


def summarise(files: list[Path]) -> str:
    phases, own, total = Counter(), Counter(), 0
    for path in files:
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if not count.isdigit():
                continue
            n = int(count)
            frames = stack.split(";")
            if any(marker in frames[-1] for marker in IDLE):
                continue  # a thread waiting for work, not doing any
            total += n
            own[frames[-1].split(" (")[0] + " (" + frames[-1].split(" (")[-1]] += n
            for label, marker in PHASES:
                if any(marker in f for f in frames):
                    phases[label] += n
                    break
            else:
                phases["other"] += n
    if not total:
        return "no samples (py-spy needs root or ptrace rights)"
    lines = [f"{total:,} busy samples", "", "| phase (innermost match) | share |", "|---|---|"]
    lines += [f"| {label} | {n / total:.0%} |" for label, n in phases.most_common()]
    lines += ["", "| function (own time) | share |", "|---|---|"]
    lines += [f"| `{name}` | {n / total:.1%} |" for name, n in own.most_common(15)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("request", choices=["gql50", "rest50"])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/attache_bench")
    parser.add_argument("--duration", type=int, default=15)
    args = parser.parse_args()
    (lt.ROOT / "bench" / "results").mkdir(exist_ok=True)
    request = next(r for r in lt.requests("", "") if r.name == args.request)
    method, path, body = request.targets[lt.ATTACHE]
    with lt.serving(lt.ATTACHE, args.database_url) as server, tempfile.TemporaryDirectory() as tmp:
        lt.wrk(lt.PORTS[lt.ATTACHE], method, path, body, 8, 3)  # warm-up
        files, procs = record(lt.children(server.pid), args.duration, Path(tmp))
        run = lt.wrk(lt.PORTS[lt.ATTACHE], method, path, body, 8, args.duration)
        for proc in procs:
            proc.wait(60)
        print(f"{args.request} at c=8 under py-spy: {run.rps:.1f} req/s, p50 {run.p50:.1f} ms, p99 {run.p99:.1f} ms\n")
        print(summarise(files))


if __name__ == "__main__":
    main()
