"""`normalization:` and `abbreviations:` → the Tables bot/normalize.py works with."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from bot.kb.files import Section, Sources, read_all
from bot.kb.model import KnowledgeError
from bot.kb.source import FieldReader, LocatedDict, Problem
from bot.normalize import Slips, Tables, build_tables, fold
from bot.paths import KNOWLEDGE_DIR

_WORD = re.compile(r"\w+")

NORMALIZATION_FIELDS = frozenset(
    {
        "characters",
        "tone_placement",
        "folding",
        "telex",
        "vni",
        "slips",
        "multipliers",
        "number_words",
        "units_after_numbers",
        "plural_determiners",
        "dotted_words",
        "closing_particles",
        "closing_particles_kept_after",
    }
)


def read_tables(
    normalization: Section, abbreviations: Section, problems: list[Problem]
) -> Tables | None:
    before = len(problems)
    tables: dict[str, dict[str, str]] = {}
    slips = None
    closing_kept: list[str] = []
    root = _mapping(normalization, problems)
    if root is not None:
        root.unknown_keys(NORMALIZATION_FIELDS)
        for key in ("characters", "tone_placement", "folding"):
            tables[key] = _pairs(root, key)
        telex = root.section("telex", where="normalization telex")
        if telex is not None:
            tables["letters"], tables["tones"] = _pairs(telex, "letters"), _pairs(telex, "tones")
        vni = root.section("vni", where="normalization vni") if "vni" in root.data else None
        tables["vni"] = {**_pairs(vni, "letters"), **_pairs(vni, "tones")} if vni else {}
        tables["multipliers"] = _pairs(root, "multipliers") if "multipliers" in root.data else {}
        words = _pairs(root, "number_words") if "number_words" in root.data else {}
        tables["number_words"] = words
        units = "units_after_numbers"
        tables[units] = _pairs(root, units) if units in root.data else {}
        plural = "plural_determiners"
        tables[plural] = _pairs(root, plural) if plural in root.data else {}
        tables["dotted_words"] = _pairs(root, "dotted_words") if "dotted_words" in root.data else {}
        closing = "closing_particles"
        tables[closing] = _pairs(root, closing) if closing in root.data else {}
        closing_kept = list(root.texts("closing_particles_kept_after", required=False))
        if "slips" in root.data:
            slips = _slips(root.section("slips", where="normalization slips"))
    sections: dict[str, dict[str, str]] = {}
    expansions = _mapping(abbreviations, problems)
    if expansions is not None:
        for name in expansions.data:
            sections[str(name)] = _pairs(expansions, name)
    if len(problems) > before or root is None or expansions is None:
        return None
    built = build_tables(
        characters=tables["characters"],
        tone_placement=tables["tone_placement"],
        folding=tables["folding"],
        telex_letters=tables["letters"],
        telex_tones=tables["tones"],
        abbreviations=sections,
        slips=slips,
        multipliers={k: int(v) for k, v in tables.get("multipliers", {}).items() if v.isdigit()},
        number_words=tables.get("number_words", {}),
        units_after_numbers=tables.get("units_after_numbers", {}),
        plural_determiners=tables.get("plural_determiners", {}),
        dotted=tables.get("dotted_words", {}),
        closing=tables.get("closing_particles", {}),
        closing_kept=closing_kept,
    )
    return replace(built, vni=tables.get("vni", {}))


def with_unmarked(tables: Tables, texts: Sequence[str]) -> Tables:
    """The tables, and for a message typed with no marks at all each expansion of several words
    keyed with marks keyed as typed without them too ("tap huan" is "tập huấn": "bồi dưỡng") —
    unless that spelling is a key already, only the marks differ ("can bo"), two keys share it
    with different meanings, the KB's own `texts` write it with other marks ("nhieu nguoi":
    "nhiều người", many, and the South's "nhiêu người", how many), it only drops the word before
    the rest, or a word of it typed bare is a key of its own ("vay bn": "bn" is "bao nhiêu").
    Spellings as often other words ("thay co": "thầy cô", "thấy có") are keyed as typed in
    abbreviations.yaml `unmarked_as_typed`: a key already."""
    marked = [words for t in texts if not t.isascii() and (words := _WORD.findall(t.casefold()))]
    spellings: dict[tuple[str, ...], set[tuple[str, ...]]] = {}  # runs of words, by unmarked
    for words in marked:
        folded = [fold(w, tables) for w in words]
        for start in range(len(words)):
            for end in (start + 2, start + 3):
                spellings.setdefault(tuple(folded[start:end]), set()).add(tuple(words[start:end]))
    meanings: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for key, value in tables.expansions.items():
        plain = tuple(fold(word, tables) for word in key)
        if len(key) < 2 or plain == key or plain in tables.expansions:
            continue
        meaning = tuple(fold(word, tables) for word in value)
        if plain in (meaning, (plain[0], *meaning)):
            continue  # only the marks differ ("can bo"), or a first word dropped
        if any(w in tables.singles for w in key if w.isascii()):
            continue  # "vậy bn": "bn" typed bare is "bao nhiêu"
        if spellings.get(plain, set()) - {key, plain}:
            continue  # the texts write it with other marks too
        meanings.setdefault(plain, set()).add(value)
    added = {key: next(iter(values)) for key, values in meanings.items() if len(values) == 1}
    if not added:
        return tables
    expansions = {**tables.expansions, **added}
    longest = max(tables.longest_expansion, *map(len, added))
    unmarked = replace(tables, expansions=expansions, longest_expansion=longest)
    return replace(tables, unmarked=unmarked)


def _slips(fields: FieldReader | None) -> Slips | None:
    """`slips:` — initials and finals as lists of confusable spellings, keyboard rows, and the
    initials an accent merges (and the initials and finals heard_pairs reads by the word beside)."""
    if fields is None:
        return None
    keys = ("initials", "finals", "merged", "heard_initials", "heard_finals")
    fields.unknown_keys(frozenset({*keys, "keyboard"}))
    groups = {}
    for key in keys:
        found = []
        for index, group in enumerate(fields.data.get(key) or ()):
            ok = isinstance(group, list) and len(group) >= 2
            if not ok or not all(isinstance(g, str) and g.isascii() and g.isalpha() for g in group):
                fields.problem(key, f"{key}[{index}]: must list two or more plain spellings", index)
                continue
            found.append(tuple(g.lower() for g in group))
        groups[key] = tuple(found)
    rows = fields.texts("keyboard", required=False)
    neighbours = keyboard_neighbours(rows)
    heard = (groups["heard_initials"], groups["heard_finals"])
    return Slips(groups["initials"], groups["finals"], neighbours, groups["merged"], *heard)


def _mapping(section: Section, problems: list[Problem]) -> FieldReader | None:
    if not isinstance(section.data, LocatedDict):
        problems.append(Problem(section.path, section.line, f"{section.kind}: must be a mapping"))
        return None
    return FieldReader(section.path, section.data, section.kind, problems)


def _pairs(fields: FieldReader, key: str) -> dict[str, str]:
    """A mapping of words (or letters) to words, every key and value plain text."""
    section = fields.section(key)
    if section is None:
        return {}
    out = {}
    for word, meaning in section.data.items():
        if isinstance(meaning, bool) or not isinstance(meaning, str | int | float) or word is None:
            section.problem(word, f"{key}.{word}: must map a word to a word")
        else:
            out[str(word)] = str(meaning)
    return out


def tables_from(sources: Sources, problems: list[Problem]) -> Tables | None:
    normalization, abbreviations = sources.one("normalization"), sources.one("abbreviations")
    if normalization is None or abbreviations is None:
        return None
    return read_tables(normalization, abbreviations, problems)


@cache
def load_tables(knowledge_dir: Path = KNOWLEDGE_DIR) -> Tables:
    """The tables shipped in `knowledge/` (cached: they never change while the bot runs)."""
    problems: list[Problem] = []
    sources = read_all(knowledge_dir)
    tables = None if sources.unreadable else tables_from(sources, problems)
    if tables is None:
        raise KnowledgeError(sources.problems + problems)
    return tables


def keyboard_neighbours(rows: Sequence[str]) -> dict[str, str]:
    """Each letter → the letters left and right of it on its keyboard row."""
    neighbours: dict[str, str] = {}
    for row in rows:
        for i, letter in enumerate(row):
            neighbours[letter] = row[max(i - 1, 0) : i] + row[i + 1 : i + 2]
    return neighbours
