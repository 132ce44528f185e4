"""Files of the cache directory (bot/cache.py's built core, bot/kb/saved_parse.py's parses):
keyed by BLAKE2, written whole or not at all, the newest few kept."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

try:  # CPython's own BLAKE2: `import hashlib` loads OpenSSL, ~7 ms of every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

__all__ = ["blake2b", "prune", "write_whole"]


def write_whole(path: Path, chunks: Iterable[bytes]) -> None:
    """Written to a file of its own and renamed into place: a reader sees a whole file or none
    (OSError when it cannot be written)."""
    import tempfile  # only to write (a start that finds its files never does)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def prune(directory: Path, pattern: str, keep: int) -> None:
    """Keep the newest `keep` files matching `pattern`: each edit leaves one behind."""
    try:
        found = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in found[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
