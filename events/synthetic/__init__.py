"""A realistic, deterministic synthetic dataset of any size, for demos and benchmarks.

``generate_synthetic_data(events=N, seed=S)`` writes countries (reusing any that
already exist with the same ISO code), people, offices with chains of
non-overlapping tenures, a two-level topic tree, sources and N events whose
participants held, on the event date, the office they are recorded in.

* The same N and S always give the same rows: all choices come from one
  ``random.Random(S)``; only ``created_at``/``updated_at`` (one timestamp per
  run) and the primary keys depend on when and where it runs.
* Every slug starts with ``syn<S>-`` and every URL with
  ``https://example.org/synthetic/<S>/``, so runs with different seeds never
  collide with each other or with curated rows; a seed already present is refused.
* Rows are built as tuples in chunks of events and written with COPY on
  PostgreSQL and batched INSERTs elsewhere, with primary keys allocated here
  (max id + 1) and sequences reset afterwards, in one transaction.
* On PostgreSQL the tables are locked until commit, and the foreign keys of
  the four biggest tables are dropped for the load and added back before
  commit, which checks every row once (as pg_restore does). The tenure
  exclusion constraint and composite key of people/migrations/0002 stay in
  place, and the data satisfies them.

Modules, by concern: ``vocabulary`` (countries, topics, publishers), ``names``
(people's names), ``offices`` (a country's offices), ``plan`` (sizes, people,
offices and tenure chains), ``event_rows`` (the events and everything attached
to them), ``writers`` (COPY or INSERT, foreign keys checked once), ``namespace``
(slug prefix and URL root of a seed) and ``generate`` (one run, end to end).
"""

from events.synthetic.generate import DEFAULT_CHUNK_SIZE, SyntheticResult, generate_synthetic_data
from events.synthetic.namespace import URL_ROOT, SyntheticDataExists, slug_prefix
from events.synthetic.writers import TABLES

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "TABLES",
    "URL_ROOT",
    "SyntheticDataExists",
    "SyntheticResult",
    "generate_synthetic_data",
    "slug_prefix",
]
