"""The one YAML reader: safe loading that keeps the line of every value, so errors say file:line.

PyYAML's `safe_load` forgets where things were; composing the node tree ourselves keeps the
marks while building the same plain objects (dicts, lists, scalars) safe_load would. LibYAML's
loader (CSafeLoader) keeps the same marks and reads the knowledge base ~20 times faster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.values import value_class

if TYPE_CHECKING:  # PyYAML is imported by the first read: a KB from the cache needs none
    import yaml


@value_class
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
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        doc.data = None if node is None else _build(node, loader, doc)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc)
        doc.problems.append(Problem(path, line, f"not valid YAML: {reason}"))
        doc.data = None
    finally:
        loader.dispose()
    return doc


def _build(node: yaml.Node, loader: Any, doc: Document) -> Any:
    if node.id == "mapping":  # yaml.MappingNode
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
    if node.id == "sequence":  # yaml.SequenceNode
        items = LocatedList(_build(child, loader, doc) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items
    return loader.construct_object(node, deep=True)


class FieldReader:
    """Reads typed fields of one mapping, recording a Problem for each one that is wrong."""

    def __init__(self, path: Path, data: LocatedDict, where: str, problems: list[Problem]):
        self.path, self.data, self.where, self.problems = path, data, where, problems

    def problem(self, key: Any, message: str, index: int | None = None) -> None:
        """A problem at the line of `key` (of its `index`th item), or of the mapping if None."""
        line = self.data.line if key is None else self.data.line_of(key)
        value = self.data.get(key) if key is not None else None
        if index is not None and isinstance(value, LocatedList):
            line = value.line_of(index)
        prefix = f"{self.where}: " if self.where else ""
        self.problems.append(Problem(self.path, line, f"{prefix}{message}"))

    def unknown_keys(self, known: set[str] | frozenset[str]) -> None:
        for key in self.data:
            if key not in known:
                self.problem(key, f"{key}: unknown field (known: {', '.join(sorted(known))})")

    def text(self, key: str, required: bool = True, strip: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(None, f"{key}: missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"{key}: must be a non-empty string")
            return None
        return value.strip() if strip else value

    def texts(self, key: str, required: bool = True, allow_empty: bool = False) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None and allow_empty and key in self.data:
            return ()
        if value is None:
            if required:
                self.problem(None, f"{key}: missing")
            return ()
        if not isinstance(value, list):
            self.problem(key, f"{key}: must be a list of strings")
            return ()
        out = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem(key, f"{key}[{index}]: must be a non-empty string", index)
            else:
                out.append(item.strip())
        return tuple(out)

    def number(self, key: str, low: float, high: float) -> float | None:
        value = self.data.get(key)
        if value is None:
            self.problem(None, f"{key}: missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(key, f"{key}: must be a number")
            return None
        if not low <= value <= high:
            self.problem(key, f"{key}: must be between {low} and {high}")
            return None
        return float(value)

    def section(self, key: str, where: str | None = None) -> FieldReader | None:
        value = self.data.get(key)
        if not isinstance(value, LocatedDict):
            self.problem(None if value is None else key, f"{key}: must be a mapping")
            return None
        return FieldReader(self.path, value, self.where if where is None else where, self.problems)

    def items(self, key: str) -> list[tuple[int, FieldReader]]:
        """(index, reader) for each mapping in the list under `key` (a problem for any other)."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, LocatedList):
            self.problem(key, f"{key}: must be a list")
            return []
        out = []
        for index, item in enumerate(value):
            if isinstance(item, LocatedDict):
                where = f"{self.where} {key}[{index}]" if self.where else f"{key}[{index}]"
                out.append((index, FieldReader(self.path, item, where, self.problems)))
            else:
                self.problem(key, f"{key}[{index}]: must be a mapping", index)
        return out
