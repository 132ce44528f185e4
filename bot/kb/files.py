"""Find every YAML file under knowledge/ and sort its contents by top-level key, as Rasa does.

A file's top-level keys say what it holds (`intents:`, `messages:`, `matching:` …), so a new
intent file needs no code: drop it in and it is read. A file of no known kind is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.kb.source import Document, LocatedDict, Problem, read
from bot.values import value_class

# top-level key → what it holds; `intents` may appear in any number of files, the rest once
SECTIONS = {
    "intents": "a list of intents (facts, the article's metadata, smalltalk)",
    "messages": "the texts the core shows a user",
    "matching": "thresholds, weights and word lists of the matcher",
    "conversation": "how follow-up questions are read",
    "normalization": "look-alike letters, tone placement, folding and telex",
    "abbreviations": "words expanded before matching",
    "understanding": "how a message is read: several questions, totals, figures, unstated attributes",
    "groups": "facts given one figure per level, and their declared sums",
    "spans": "the years between two dates the article gives, declared and proven",
}
REPEATABLE = frozenset({"intents"})
# The Telegram texts are one flat mapping of text names, read by bot/telegram_texts.py; their
# `commands:` menu is what tells the file apart.
TELEGRAM_MARKER = "commands"


@value_class
class Section:
    """The value under one top-level key of one file."""

    kind: str
    path: Path
    line: int
    data: Any


@dataclass
class Sources:
    """Every section of the knowledge base, by kind, and the problems met reading them."""

    sections: dict[str, list[Section]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unreadable: bool = False  # a file could not be parsed: nothing else is worth reporting

    def all(self, kind: str) -> list[Section]:
        return self.sections.get(kind, [])

    def one(self, kind: str) -> Section | None:
        found = self.all(kind)
        return found[0] if len(found) == 1 else None


def discover(knowledge_dir: Path) -> list[Path]:
    """Every YAML file under `knowledge_dir`, in path order (the order intents are listed in)."""
    found = [*knowledge_dir.rglob("*.yaml"), *knowledge_dir.rglob("*.yml")]
    return sorted((p for p in found if p.is_file()), key=lambda p: p.relative_to(knowledge_dir))


def read_all(knowledge_dir: Path) -> Sources:
    sources = Sources()
    paths = discover(knowledge_dir)
    if not paths:
        sources.problems.append(Problem(knowledge_dir, 1, "no YAML files found"))
        sources.unreadable = True
    for path in paths:
        doc = read(path)
        sources.problems += doc.problems
        if doc.data is None and doc.problems:
            sources.unreadable = True
            continue
        _route(doc, sources)
    for kind, found in sources.sections.items():
        if kind not in REPEATABLE:
            for extra in found[1:]:
                first = found[0]
                sources.problems.append(
                    Problem(
                        extra.path,
                        extra.line,
                        f"{kind}: already given in {first.path.name}:{first.line}",
                    )
                )
    for kind in SECTIONS:
        if kind not in sources.sections and not sources.unreadable:
            sources.problems.append(
                Problem(knowledge_dir, 1, f"no file has a top-level `{kind}:` ({SECTIONS[kind]})")
            )
    return sources


def _route(doc: Document, sources: Sources) -> None:
    data = doc.data
    if not isinstance(data, LocatedDict) or not data:
        line = data.line if isinstance(data, LocatedDict | list) else 1
        sources.problems.append(Problem(doc.path, line, _refusal("expected a mapping")))
        return
    if TELEGRAM_MARKER in data and not SECTIONS.keys() & data.keys():
        sources.sections.setdefault("telegram", []).append(Section("telegram", doc.path, 1, data))
        return
    for key, value in data.items():
        if key not in SECTIONS:
            message = _refusal(f"unknown top-level key {key!r}")
            sources.problems.append(Problem(doc.path, data.line_of(key), message))
            continue
        sources.sections.setdefault(key, []).append(
            Section(key, doc.path, data.line_of(key), value)
        )


def _refusal(reason: str) -> str:
    return f"{reason}: a knowledge file starts with one of {', '.join(SECTIONS)}"
