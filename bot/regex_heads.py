"""The literal texts a regular expression's matches must begin with, read from its parse.

The slot finder (bot/slot_finder.py) tries an alternative only when a text holds its first word;
an alternative opening with a look-behind, a grouped choice or a look-ahead ("(?<!\\bco )ai(?!
cung)", "(hoc|dao tao) …") has no first word its plain source shows, and was searched in every
question (9 of them for what is asked); the scope rules (bot/scope.py) were searched in every
clause. Their parse does show what every match begins with.

A pattern's heads depend on its text and flags alone: each is read once a process, and those of
the KB's patterns are saved with the built core (bot/kb_heads.py, bot/cache.py), so that a start
which loads it parses none (~240 parses were ~30 ms of every start).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

try:  # the parser behind `re` (Python 3.11+); without it nothing is read and all is searched
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    _c = _p = None

_MOST = 64  # beginnings followed at most (an optional part doubles them)
_START, _END = "\x01", "\x02"  # read: a word boundary before the text, after it
_LEFT = ("AT_BOUNDARY", "AT_BEGINNING", "AT_BEGINNING_STRING")
_RIGHT = ("AT_BOUNDARY", "AT_END", "AT_END_STRING")
_KEPT = 65_536  # patterns whose heads are kept (a KB has a few hundred)
ANYWHERE = 1 << 30  # in a key's flags: the heads of what follows an opening `.*` (no re flag)

Heads = tuple[frozenset[str] | None, tuple[str, ...] | None]
Key = tuple[str, int]  # a pattern's text and flags
_KNOWN: dict[Key, Heads] = {}  # read in this process, or learnt from the cached core
_RECORDING: list[dict[Key, Heads]] = []


def heads(pattern: str, flags: int = 0) -> Heads:
    """(words, prefixes): `words`, whole words one of which every match of `pattern` begins
    with; `prefixes`, texts one of which every match begins with. Either is None when the
    pattern does not show it (then a text may match whatever it holds)."""
    key = (pattern, flags)
    found = _KNOWN.get(key)
    if found is None:
        if len(_KNOWN) >= _KEPT:
            _KNOWN.clear()
        found = _KNOWN[key] = read_heads(pattern, flags)
    for table in _RECORDING:
        table[key] = found
    return found


def learn(table: Mapping[Key, Heads]) -> None:
    """Take `table`'s heads as read: those saved with the cached core, checked by `is_table`."""
    _KNOWN.update(table)


@contextmanager
def recorded() -> Iterator[dict[Key, Heads]]:
    """A table that gets every pattern's heads asked for inside the `with` block."""
    table: dict[Key, Heads] = {}
    _RECORDING.append(table)
    try:
        yield table
    finally:
        _RECORDING.remove(table)


def is_key(key: object) -> bool:
    """Whether `key` is a pattern's (text, flags), as the saved tables key them."""
    return (
        isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], str)
        and isinstance(key[1], int)
    )


def is_table(table: object) -> bool:
    """Whether `table` has the shape of the tables `recorded` gives (a saved one is checked
    before it is learnt: a wrong one would narrow searches it must not)."""
    if not isinstance(table, dict):
        return False
    for key, value in table.items():
        if not is_key(key) or not (isinstance(value, tuple) and len(value) == 2):
            return False
        words, prefixes = value
        if not (words is None or isinstance(words, frozenset)):
            return False
        if not (prefixes is None or isinstance(prefixes, tuple)):
            return False
    return True


def heads_anywhere(pattern: str, flags: int = 0) -> Heads:
    """`heads`, or for a pattern that opens with look-arounds and `.*` ("^(?!.*\\bcu\\b).*\\btrinh
    do\\b"), the heads of what follows: a word or text one of which every match holds somewhere."""
    found = heads(pattern, flags)
    return found if found != (None, None) else heads(pattern, flags | ANYWHERE)


def read_heads(pattern: str, flags: int = 0) -> Heads:
    """`heads`, read from the pattern's parse (never from what is kept); with ANYWHERE in
    `flags`, those of `heads_anywhere`."""
    anywhere, flags = flags & ANYWHERE, flags & ~ANYWHERE
    if _p is None or flags & ~re.UNICODE:
        return None, None
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None, None
    if parsed.state.flags & ~(re.UNICODE | _c.SRE_FLAG_UNICODE):
        return None, None
    items = list(parsed)
    return _heads_of(_past_any(items) if anywhere else items)


def _past_any(items: list[Any]) -> list[Any]:
    """What follows the zero-width items and the `.*` a pattern opens with (none: nothing)."""
    while items and (items[0][0] in (_c.ASSERT, _c.ASSERT_NOT) or items[0][0] is _c.AT):
        items = items[1:]
    if not items or items[0][0] not in (_c.MAX_REPEAT, _c.MIN_REPEAT) or items[0][1][0] != 0:
        return []
    return items[1:] if list(items[0][1][2]) == [(_c.ANY, None)] else []


def _heads_of(items: list[Any]) -> Heads:
    found = _begin(items, {("", True)})
    if not found:
        return None, None
    words, prefixes = set(), set()
    for text, _ in found:
        # a word starts where a \b or ^ before it says so, and ends at a separator or at a
        # \b or $ after it (marked in the text as it was read)
        bounded = text.startswith(_START)
        body = text.removeprefix(_START).removesuffix(_END)
        if not body:
            return None, None
        prefixes.add(body)
        word = _first_word(body)
        if words is not None and bounded and word and len(word) < len(text) - 1:
            words.add(word)
        else:
            words = None
    return (None if words is None else frozenset(words)), tuple(sorted(prefixes))


def _first_word(text: str) -> str:
    for i, ch in enumerate(text):
        if not (ch.isalnum() or ch == "_"):
            return text[:i]
    return text


def _begin(items: list[Any], open_: set[tuple[str, bool]]) -> set[tuple[str, bool]] | None:
    """The beginnings after `items`: (text so far, whether nothing stopped the reading).
    None when too many."""
    result: set[tuple[str, bool]] = set()
    going = {text for text, on in open_ if on}
    result |= {(text, False) for text, on in open_ if not on}
    for op, av in items:
        if not going:
            break
        if op is _c.LITERAL:
            going = _settled({text + chr(av) for text in going}, result)
        elif op is _c.AT:  # zero-width, but a boundary bounds the first word
            going = _settled({_at(text, str(av)) for text in going}, result)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: nothing read
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:
            going = _through(list(av[3]), going, result)
        elif op is _c.BRANCH:
            after: set[str] = set()
            for branch in av[1]:
                after |= _through(list(branch), going, result)
            going = after
        elif op is _c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            going = going | _through(list(av[2]), going, result)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):  # once read, more may follow: stopped
            result |= {(text, False) for text in _through(list(av[2]), going, result)}
            going = going if av[0] == 0 else set()
        else:  # a class, any character, a repeat: the reading stops here
            result |= {(text, False) for text in going}
            going = set()
        if len(going) + len(result) > _MOST:
            return None
    result |= {(text, True) for text in going}
    return result if len(result) <= _MOST else None


def _at(text: str, where: str) -> str:
    """`text` read up to an anchor: marked when it bounds a word before or after it."""
    if not text and where in _LEFT:
        return _START
    if text and text != _START and where in _RIGHT and (text[-1].isalnum() or text[-1] == "_"):
        return text + _END
    return text


def _settled(texts: set[str], result: set[tuple[str, bool]]) -> set[str]:
    """Those of `texts` still read; a text whose first word is over (a separator follows it)
    or that opens with a separator goes to `result` as it is: what follows changes nothing."""
    going = set()
    for text in texts:
        last = text[-1]
        if text == _START:
            going.add(text)
            continue
        if not (last.isalnum() or last == "_"):
            result.add((text, False))
        else:
            going.add(text)
    return going


def _through(items: list[Any], going: set[str], stopped: set[tuple[str, bool]]) -> set[str]:
    """The texts still read after `items` from each of `going`; those stopped inside go to
    `stopped`."""
    found = _begin(items, {(text, True) for text in going})
    if found is None:  # too many: each stops where it is
        stopped |= {(text, False) for text in going}
        return set()
    stopped |= {(text, on) for text, on in found if not on}
    return {text for text, on in found if on}
