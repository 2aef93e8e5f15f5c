"""Lint the project's migrations with django-migration-linter (``make check-migrations``).

The linter flags migrations that would break the version still running during a deploy or lock
a busy table: a NOT NULL column without a database default, a dropped or renamed column, a
non-concurrent index on PostgreSQL, and so on. It is a development tool, so it is not in
INSTALLED_APPS: this script runs its ``lintmigrations`` command directly. Its options live in
pyproject.toml under ``[tool.django_migration_linter]``, each exemption with its reason; extra
arguments are passed on (``scripts/lint_migrations.py --help``).

It lints the SQL of the database that DATABASE_URL names (SQLite by default; PostgreSQL, which
production runs, when DATABASE_URL points at one: that database must be reachable).
"""

import logging
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django_migration_linter.management.commands.lintmigrations import Command

    # One line per migration is enough; the linter's own "Calling sqlmigrate …" lines are noise here.
    logging.getLogger("django_migration_linter").setLevel(logging.WARNING)
    call_command(Command(), *sys.argv[1:])


if __name__ == "__main__":
    main()
