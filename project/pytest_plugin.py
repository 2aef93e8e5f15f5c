"""Loaded by pytest (``-p project.pytest_plugin``) before Django is set up.

The test suite never needs a real secret; everything else comes from the
environment as usual (DATABASE_URL selects SQLite or PostgreSQL).
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
# The response cache would answer a test's second identical request without running the view
# it means to test; tests/test_response_cache.py turns it on where it is the subject.
os.environ.setdefault("RESPONSE_CACHE_SECONDS", "0")
