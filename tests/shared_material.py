"""Where the team's shared material (``shared/seeds``, ``shared/data``) is, for tests that read it.

It is not part of the repository (the articles are not ours to publish). It is found, in order: at
``$ATTACHE_SHARED``; beside the checkout (``../shared``); beside the repository a clone was made from
(a CI clone in /tmp of ``/work/main`` finds ``/work/shared``).

Tests that read it are marked ``@needs_shared("seeds")``: skipped where it is absent, on a developer's machine;
but where ``ATTACHE_REQUIRE_SHARED`` is set (``.ci/run`` sets it) its absence stops the run at collection, so CI
never passes by skipping them.
"""

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _origin_parent() -> Path | None:
    try:
        url = subprocess.run(
            ["git", "-C", str(REPO), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path = url.removeprefix("file://")
    return Path(path).resolve().parent if path.startswith("/") else None


def shared_dir() -> Path | None:
    origin_parent = _origin_parent()
    candidates = [os.environ.get("ATTACHE_SHARED"), REPO.parent / "shared", origin_parent and origin_parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "seeds").is_dir():
            return Path(candidate)
    return None


def needs_shared(part: str) -> pytest.MarkDecorator:
    """A mark for tests that read ``shared/<part>`` (see the module's docstring)."""
    root = shared_dir()
    found = root is not None and (root / part).exists()
    if not found and os.environ.get("ATTACHE_REQUIRE_SHARED"):
        raise RuntimeError(
            f"ATTACHE_REQUIRE_SHARED is set, but shared/{part} was not found (looked at $ATTACHE_SHARED, beside "
            "the checkout and beside the repository it was cloned from): the tests that read it cannot run."
        )
    return pytest.mark.skipif(
        not found, reason=f"shared/{part} not found: set ATTACHE_SHARED (tests/shared_material.py)"
    )
