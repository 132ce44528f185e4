"""YAML read with `yaml.SafeLoader` keeping the line of every value, so errors can say file:line.

PyYAML's `safe_load` forgets where things were; composing the node tree ourselves keeps the
marks while building the same plain objects (dicts, lists, scalars) safe_load would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a data file, at a line."""

    path: Path
    line: int
    message: str

    def format(self, relative_to: Path | None = None) -> str:
        shown = self.path
        if relative_to is not None:
            try:
                shown = self.path.resolve().relative_to(relative_to.resolve())
            except ValueError:
                shown = self.path
        return f"{shown}:{self.line}: {self.message}"


class LocatedDict(dict):
    """A dict that knows the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A list that knows the line of itself and of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


@dataclass
class Document:
    """A parsed YAML file: its data (None when it could not be read) and the problems found."""

    path: Path
    data: Any = None
    problems: list[Problem] = field(default_factory=list)


def read(path: Path) -> Document:
    """Parse one file safely; syntax errors become Problems, never exceptions."""
    doc = Document(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        doc.problems.append(Problem(path, 1, f"cannot read: {exc}"))
        return doc
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        doc.data = None if node is None else _build(node, loader, doc)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc)
        doc.problems.append(Problem(path, line, f"invalid YAML: {reason}"))
        doc.data = None
    finally:
        loader.dispose()
    return doc


def _build(node: yaml.Node, loader: yaml.SafeLoader, doc: Document) -> Any:
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result = LocatedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _build(key_node, loader, doc)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str | int | float | bool) and key is not None:
                doc.problems.append(Problem(doc.path, line, "a key must be a plain value"))
                continue
            if key in result:
                doc.problems.append(Problem(doc.path, line, f"duplicate key {key!r}"))
            result[key] = _build(value_node, loader, doc)
            result.key_lines[key] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(_build(child, loader, doc) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items
    return loader.construct_object(node, deep=True)
