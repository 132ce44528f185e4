"""A small YAML file's parse, kept in the cache directory for a process that reads it each start.

The Telegram bot reads knowledge/telegram.yaml at every start while all else comes from the built
core (bot/cache.py): PyYAML (~1 MB resident, ~20 ms before the bot is ready) was loaded for that
one file. The parse is keyed by the file's bytes and the reader's code (source.py), so any change
reads the YAML again; only a parse without problems is kept, so every error is still found and
worded by the reader itself.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any

from bot.cache_files import blake2b, prune, write_whole
from bot.kb.source import Document, read

FORMAT = b"hoidap-parse-1\n"
_KEEP = 8  # saved parses kept (the newest); each edit of a file leaves one behind
_READER = Path(__file__).with_name("source.py")


def read_saved(path: Path, directory: Path) -> Document:
    """`read(path)`, without PyYAML when the very same file was read before (kept in
    `directory`: the cache directory, bot/cache.py)."""
    try:
        raw = path.read_bytes()
        key = _key(raw)
    except OSError:
        return read(path)  # which words the problem
    saved = directory / f"parse-{key[:32]}.pickle"
    found = _load(saved, key)
    if found is not None:
        return Document(path, found)
    doc = read(path)
    try:
        if not doc.problems and path.read_bytes() == raw:  # parsed from the bytes keyed
            _save(saved, key, doc.data)
    except OSError:
        pass
    return doc


def _key(raw: bytes) -> str:
    digest = blake2b(FORMAT, digest_size=32)
    digest.update(f"{sys.version} {sys.hexversion}\n".encode())
    digest.update(_READER.read_bytes() + b"\0" + raw)
    return digest.hexdigest()


def _load(saved: Path, key: str) -> Any | None:
    try:
        with saved.open("rb") as handle:
            found_key, data = pickle.load(handle)
    except Exception:  # missing, damaged or written otherwise: read the YAML instead
        return None
    return data if found_key == key and data is not None else None


def _save(saved: Path, key: str, data: Any) -> None:
    write_whole(saved, (pickle.dumps((key, data), protocol=pickle.HIGHEST_PROTOCOL),))
    prune(saved.parent, "parse-*.pickle", _KEEP)
