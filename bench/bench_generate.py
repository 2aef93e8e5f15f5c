"""How fast the synthetic data generator fills a fresh database; prints figures.

    .venv/bin/python bench/bench_generate.py --events 20000
    .venv/bin/python bench/bench_generate.py --events 1000000 --database-url postgres://postgres@127.0.0.1:5432/

Without --database-url it writes a fresh SQLite file in a temporary directory.
With a PostgreSQL URL it uses the scratch database ``attache_bench`` on that
server (whatever database the URL names), dropping and recreating it first.
Either way it migrates, runs the generator once and prints the seconds, the
rows per table and the events per second.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SCRATCH_DATABASE = "attache_bench"


def _recreate_postgres(url: str) -> str:
    """Drop and create the scratch database on the server of ``url``; returns its URL."""
    import psycopg

    parts = urlsplit(url)
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {SCRATCH_DATABASE}")
    return urlunsplit(parts._replace(path=f"/{SCRATCH_DATABASE}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=20_000, help="Events to generate (default 20000).")
    parser.add_argument("--seed", type=int, default=1, help="Generator seed (default 1).")
    parser.add_argument("--chunk-size", type=int, default=None, help="Events per batch (default: the generator's).")
    parser.add_argument(
        "--database-url",
        default="",
        help="A postgres:// URL of a server to use (its database attache_bench is dropped and recreated); "
        "default: a temporary SQLite file.",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="attache-bench-") as tmp:
        if args.database_url.startswith(("postgres://", "postgresql://")):
            url = _recreate_postgres(args.database_url)
        elif args.database_url:
            parser.error("--database-url must be a postgres:// URL (leave it out for SQLite)")
        else:
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "project.settings"
        os.environ["DEBUG"] = "1"
        os.environ["DATABASE_URL"] = url
        os.environ["ATTACHE_DATA_DIR"] = tmp
        sys.path.insert(0, str(ROOT))

        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from events.synthetic import DEFAULT_CHUNK_SIZE, TABLES, generate_synthetic_data

        database = connection.settings_dict["NAME"]
        print(f"database: {connection.vendor} {database}")
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"migrate: {time.perf_counter() - started:.1f}s")

        def progress(stage: str, done: int, total: int) -> None:
            print(f"  {stage} {done:,}/{total:,} at {time.perf_counter() - started:.1f}s", file=sys.stderr)

        started = time.perf_counter()
        result = generate_synthetic_data(
            events=args.events,
            seed=args.seed,
            chunk_size=args.chunk_size or DEFAULT_CHUNK_SIZE,
            progress=progress,
        )
        seconds = time.perf_counter() - started

        counts = {}
        with connection.cursor() as cursor:
            for table in TABLES.values():
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table.name)}")
                counts[table.name] = cursor.fetchone()[0]
        total = sum(counts.values())
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"generate_synthetic_data(events={args.events:,}, seed={args.seed}) with {result.method}")
        print(f"  seconds            {seconds:10.1f}")
        print(f"  events per second  {args.events / seconds:10,.0f}")
        print(f"  rows per second    {total / seconds:10,.0f}")
        print(f"  peak memory (MB)   {peak_mb:10,.0f}")
        print("  rows per table:")
        width = max(len(name) for name in counts)
        for name, count in counts.items():
            print(f"    {name:<{width}}  {count:>12,}")
        print(f"    {'total':<{width}}  {total:>12,}")


if __name__ == "__main__":
    main()
