"""Where the team's shared material (``shared/seeds``, ``shared/data``) is, for tests that read it.

It is not part of the repository (the articles are not ours to publish). It is found, in order: at
``$ATTACHE_SHARED``; beside the checkout (``../shared``); beside the repository a clone was made from
(a CI clone in /tmp of ``/work/main`` finds ``/work/shared``).
"""

import os
import subprocess
from pathlib import Path

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
