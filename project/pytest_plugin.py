"""Loaded by pytest (``-p project.pytest_plugin``) before Django is set up.

The test suite never needs a real secret; everything else comes from the
environment as usual (DATABASE_URL selects SQLite or PostgreSQL).
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
