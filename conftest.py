"""Test-wide settings: the suite never needs a real secret."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
