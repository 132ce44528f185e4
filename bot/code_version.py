"""The code that builds the cached core (bot/cache.py keys the core by it), read once, as the
package is imported and before any of that code is: a process builds with the code it imported,
so a file edited while it runs must not label its build — every later process would trust that
old build under the new code's key (it happened: a field added to the KB's classes, and every
start after failed)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.cache_files import blake2b

# the modules whose code shapes the core (its arrays, its pickled classes, its saved regexes)
CODE = ("cache.py", "index.py", "lexicon.py", "matcher.py", "normalize.py", "regex_heads.py")
CODE += ("index_arrays.py", "regex_code.py", "runs.py", "slot_finder.py", "values.py", "kb/*.py")


@cache
def code_digest(package: Path) -> bytes:
    """A digest of the `CODE` files of `package` (~3 ms), as they were when first asked."""
    digest = blake2b(digest_size=32)
    for pattern in CODE:
        for path in sorted(package.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


code_digest(Path(__file__).parent)
