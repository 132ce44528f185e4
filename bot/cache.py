"""The built core on disk: the parsed KB and its index, keyed by everything they were built from.

Parsing YAML and indexing were most of a cold start, redone by every process. One file in the
user's cache directory keeps their result: a JSON header, the pickled KB, the heads of its
patterns (bot/kb_heads.py), their code for the regex engine (bot/regex_code.py), the feature
strings and the index's arrays, which are mapped read-only (mmap) so that worker processes share
their pages.
The key hashes every KB file, the article and the code that builds them: any change rebuilds. A
file whose key, size, checksum or shapes do not match is rebuilt, never trusted. Each builder
writes a file of its own and renames it into place, so two processes building at once both
succeed and a reader only ever sees a whole file.
"""

from __future__ import annotations

import io
import json
import logging
import mmap
import os
import pickle
import sys
import zlib
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.cache_files import blake2b, prune, write_whole
from bot.code_version import code_digest
from bot.index import Index
from bot.index_arrays import arrays_of, index_of
from bot.kb import KnowledgeBase
from bot.kb.files import discover
from bot.lazy_regex import lazy_compile
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR
from bot.regex_code import Saved, is_saved
from bot.regex_code import learn as learn_code
from bot.regex_heads import Heads, Key, is_table, learn
from bot.values import value_class

if TYPE_CHECKING:
    from bot.matcher import Matcher

FORMAT = b"hoidap-core-6\n"
_ALIGN = 64
_KEEP = 8  # cache files kept (the newest); older keys are removed when a new one is written
log = logging.getLogger("bot.cache")


@value_class
class Core:
    """What the responder is built on: the KB, its index, the lexicon's words by folded form,
    the heads of the KB's patterns (bot/regex_heads.py) and their code (bot/regex_code.py)."""

    kb: KnowledgeBase
    index: Index
    folds: Mapping[str, tuple[str, ...]]
    heads: Mapping[Key, Heads]
    regexes: Saved = field(default_factory=Saved)

    @classmethod
    def of(cls, kb: KnowledgeBase, matcher: Matcher) -> Core:
        """The core of `kb` and the matcher built on it, to be saved."""
        from bot.kb_heads import heads_of  # only to build: what reads the heads
        from bot.regex_code import patterns_in, recorded, saved_code
        from bot.slot_finder import alone_patterns

        with recorded() as asked:  # the slots' alternatives tried alone
            heads = heads_of(kb)
        slots = (*kb.settings.slots, *kb.conversation.part_words)
        alone = [(pattern, 0) for pattern in alone_patterns(slots)]  # as a message narrows them
        regexes = saved_code([*patterns_in(kb), *sorted(asked), *alone])
        return cls(kb, matcher.index, matcher.lexicon.folds, heads, regexes)


def cache_dir() -> Path:
    """platformdirs' user cache directory. On Linux it is read as platformdirs reads it
    (an absolute $XDG_CACHE_HOME, else an absolute $HOME's .cache): importing platformdirs
    was ~4 ms of a cold start. Anything else is left to platformdirs."""
    if sys.platform == "linux":
        xdg, home = os.environ.get("XDG_CACHE_HOME", ""), os.environ.get("HOME", "")
        if os.path.isabs(xdg):
            return Path(xdg, "hoi-dap")
        if os.path.isabs(home):
            return Path(home, ".cache", "hoi-dap")
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("hoi-dap", appauthor=False))


def source_key(knowledge_dir: Path = KNOWLEDGE_DIR, article_path: Path = ARTICLE_PATH) -> str:
    """A hash of every KB file (name and bytes), the article and the code that builds the core."""
    digest = blake2b(FORMAT, digest_size=32)
    # the build, not only the version: the regex engine's code is saved (bot/regex_code.py)
    digest.update(f"{sys.version} {sys.hexversion} numpy {np.__version__}\n".encode())
    digest.update(code_digest(Path(__file__).parent))
    for path in discover(knowledge_dir):
        name = path.relative_to(knowledge_dir).as_posix().encode()
        digest.update(b"kb\0" + name + b"\0" + path.read_bytes())
    try:
        digest.update(b"article\0" + article_path.read_bytes())
    except OSError:
        digest.update(b"article missing")  # load_knowledge reports it; never cached then
    return digest.hexdigest()


def load_core(
    knowledge_dir: Path = KNOWLEDGE_DIR,
    article_path: Path = ARTICLE_PATH,
    directory: Path | None = None,
) -> Core:
    """The core from the cache when it matches the sources, else built (and saved for next time).

    Raises bot.kb.KnowledgeError when the KB is invalid (nothing is saved then).
    """
    key = source_key(knowledge_dir, article_path)
    path = (directory or cache_dir()) / f"core-{key[:32]}.bin"
    found = read(path, key)
    if found is not None:
        learn(found.heads)  # none of the KB's patterns is parsed again in this process
        learn_code(found.regexes)  # … nor compiled
        return found
    from bot.kb import load_knowledge  # only to build: the YAML reader and every check
    from bot.matcher import Matcher

    kb = load_knowledge(knowledge_dir, article_path)
    core = Core.of(kb, Matcher(kb))
    write(path, key, core)
    return core


# ------------------------------------------------------------ the file


def write(path: Path, key: str, core: Core) -> bool:
    """Save `core` under `key`, atomically; False (and a debug line) if it cannot be saved."""
    index = core.index
    features = "\n".join(index.ids)
    if features.count("\n") != len(index.ids) - 1:
        return False  # a feature holding a newline: not representable (normalize never makes one)
    arrays = arrays_of(index) | {"regex_code": np.ascontiguousarray(core.regexes.code)}
    blobs = {
        "kb": _SharingPickler.dumps(core.kb),
        "folds": pickle.dumps(dict(core.folds), protocol=pickle.HIGHEST_PROTOCOL),
        "heads": pickle.dumps(dict(core.heads), protocol=pickle.HIGHEST_PROTOCOL),
        "regexes": pickle.dumps(dict(core.regexes.entries), protocol=pickle.HIGHEST_PROTOCOL),
        "features": features.encode("utf-8"),
    }
    sections, offset = {}, 0
    for name, data in [*blobs.items(), *arrays.items()]:
        size = len(data) if isinstance(data, bytes) else data.nbytes
        kind = (
            {"dtype": data.dtype.str, "shape": data.shape} if isinstance(data, np.ndarray) else {}
        )
        sections[name] = {"offset": offset, "size": size, **kind}
        offset += -(-size // _ALIGN) * _ALIGN
    body = bytearray(offset)
    for name, data in [*blobs.items(), *arrays.items()]:
        start = sections[name]["offset"]
        body[start : start + sections[name]["size"]] = (
            data if isinstance(data, bytes) else data.data.cast("B")
        )
    header = {
        "key": key,
        "body": len(body),
        "crc": zlib.crc32(body),
        "max_idf": index.max_idf,
        "features": len(index.ids),
        "sections": sections,
    }
    encoded = json.dumps(header).encode()
    head = FORMAT + len(encoded).to_bytes(8, "little") + encoded
    head += bytes(-len(head) % _ALIGN)
    try:
        write_whole(path, (head, body))
    except OSError as error:
        log.debug("cannot save the built core to %s: %s", path, error)
        return False
    prune(path.parent, "core-*.bin", _KEEP)
    return True


def read(path: Path, key: str) -> Core | None:
    """The core saved at `path` if it is whole and was built for `key`; None otherwise."""
    try:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty (ValueError: cannot map 0 bytes)
        return None
    try:
        core = _parse(mapped, key)
    except Exception as error:  # a damaged file of any kind: rebuild it
        log.debug("ignoring the cached core %s: %r", path, error)
        return None
    if core is not None and hasattr(mmap, "MADV_DONTNEED"):
        # the checksum read every page: out of this process's resident set again (they stay in
        # the page cache; what answering reads comes back on use), ~1 MB of an idle bot
        mapped.madvise(mmap.MADV_DONTNEED)
    return core


def _parse(mapped: mmap.mmap, key: str) -> Core | None:
    if mapped[: len(FORMAT)] != FORMAT:
        return None
    length = int.from_bytes(mapped[len(FORMAT) : len(FORMAT) + 8], "little")
    start = len(FORMAT) + 8
    header = json.loads(mapped[start : start + length])
    if header.get("key") != key:
        return None
    start += length
    start += -start % _ALIGN
    body = memoryview(mapped)[start:]
    if len(body) != header["body"] or zlib.crc32(body) != header["crc"]:
        return None
    sections = header["sections"]

    def blob(name: str) -> memoryview:
        found = sections[name]
        return body[found["offset"] : found["offset"] + found["size"]]

    def array(name: str) -> np.ndarray:
        found = sections[name]
        dtype, shape = np.dtype(found["dtype"]), tuple(found["shape"])
        count = int(np.prod(shape))
        if count * dtype.itemsize != found["size"]:
            raise ValueError(f"{name}: {found['size']} bytes for shape {shape}")
        return np.frombuffer(body, dtype, count, found["offset"]).reshape(shape)

    kb: KnowledgeBase = _Unpickler(io.BytesIO(blob("kb"))).load()
    folds = pickle.loads(blob("folds"))
    heads = pickle.loads(blob("heads"))
    if not is_table(heads):
        return None
    regexes = Saved(pickle.loads(blob("regexes")), array("regex_code"))
    if not is_saved(regexes.entries, regexes.code):
        return None
    words = str(blob("features"), "utf-8").split("\n")
    if len(words) != header["features"]:
        return None
    index = index_of(words, array, header["max_idf"], len(kb.intents))
    return Core(kb, index, folds, heads, regexes)


class _SharingPickler(pickle._Pickler):
    """The pure-Python pickler, writing each distinct string once: the KB holds the same words in
    many phrases and tables, and unpickled as distinct strings they were ~0.7 MB of every process
    (and ~40% of the objects unpickling makes). Equal strings are interchangeable."""

    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._strings: dict[str, str] = {}

    def save(self, obj: object, save_persistent_id: bool = True) -> None:
        if type(obj) is str:
            obj = self._strings.setdefault(obj, obj)  # then found in the memo: written once
        super().save(obj, save_persistent_id)

    @classmethod
    def dumps(cls, value: object) -> bytes:
        file = io.BytesIO()
        cls(file).dump(value)
        return file.getvalue()


class _Unpickler(pickle.Unpickler):
    """The KB's patterns compiled at first use (bot/lazy_regex.py), not all of them on load."""

    def find_class(self, module: str, name: str) -> object:
        if (module, name) == ("re", "_compile"):
            return lazy_compile
        return super().find_class(module, name)
