"""Intents (`intents:` lists, in any number of files) → typed Intents, each with its YAML mapping.

The mapping is kept beside the Intent while loading so that checks across intents (duplicate
phrasings, evidence, references) can point at the line of the offending item.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.kb.files import Section
from bot.kb.model import KINDS, Derived, Intent
from bot.kb.source import FieldReader, LocatedDict, LocatedList, Problem
from bot.normalize import canonical_number
from bot.values import value_class

MIN_PHRASINGS = {"fact": 8, "meta": 8, "smalltalk": 5}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_LOOKALIKE_D = "\u00d0\u00f0"
FIELDS = frozenset(
    [
        "id",
        "kind",
        "topic",
        "question",
        "phrasings",
        "answer",
        "evidence",
        "derived",
        "figures",
        "related",
        "slots",
        "needs",
    ]
)


@value_class
class ParsedIntent:
    """An intent and the mapping it was read from (for the line of each of its items)."""

    intent: Intent
    data: LocatedDict

    def line(self, key: str, index: int | None = None, field: str | None = None) -> int:
        """The line of `key`, of its `index`th item, or of that item's `field`."""
        value = self.data.get(key)
        if index is None or not isinstance(value, LocatedList):
            return self.data.line_of(key)
        item = value[index] if 0 <= index < len(value) else None
        if field is not None and isinstance(item, LocatedDict):
            return item.line_of(field)
        return value.line_of(index)


def read_intents(section: Section, problems: list[Problem]) -> list[ParsedIntent]:
    if not isinstance(section.data, LocatedList):
        problems.append(Problem(section.path, section.line, "intents: must be a list"))
        return []
    out = []
    for index, item in enumerate(section.data):
        if not isinstance(item, LocatedDict):
            line = section.data.line_of(index)
            problems.append(Problem(section.path, line, "an intent must be a mapping"))
            continue
        intent = _read_intent(FieldReader(section.path, item, _where(item), problems))
        if intent is not None:
            out.append(ParsedIntent(intent, item))
    return out


def _where(item: LocatedDict) -> str:
    raw_id = item.get("id")
    return f"intent {raw_id}" if isinstance(raw_id, str) else "intent"


def _read_intent(fields: FieldReader) -> Intent | None:
    before = len(fields.problems)
    fields.unknown_keys(FIELDS)
    intent_id = fields.text("id")
    if intent_id is not None and not _ID.match(intent_id):
        fields.problem("id", "id: use lower case letters, digits and _")
    kind = fields.text("kind")
    if kind is not None and kind not in KINDS:
        fields.problem("kind", f"kind: must be one of {', '.join(KINDS)}")
    topic = fields.text("topic")
    question = fields.text("question")
    phrasings = fields.texts("phrasings")
    if kind in MIN_PHRASINGS and len(phrasings) < MIN_PHRASINGS[kind]:
        fields.problem("phrasings", f"phrasings: at least {MIN_PHRASINGS[kind]} needed")
    answer = fields.text("answer")
    evidence = fields.texts("evidence", required=kind in ("fact", "meta"))
    related = fields.texts("related", required=False)
    derived = _read_derived(fields)
    figures = tuple(canonical_number(f) for f in fields.texts("figures", required=False))
    slots = _read_slots(fields)
    needs = fields.texts("needs", required=False)
    for key in ("question", "answer"):
        value = fields.data.get(key)
        if isinstance(value, str) and any(ch in value for ch in _LOOKALIKE_D):
            fields.problem(key, f"{key}: writes Ð (U+00D0) or ð; users read Đ (U+0110)")
    if len(fields.problems) > before:
        return None
    assert intent_id and kind and topic and question and answer
    return Intent(
        id=intent_id,
        kind=kind,
        topic=topic,
        question=question,
        phrasings=phrasings,
        answer=" ".join(answer.split()),
        evidence=evidence,
        derived=derived,
        figures=figures,
        related=related,
        slots=slots,
        source=fields.path,
        line=fields.data.line,
        needs=needs,
    )


def _read_slots(fields: FieldReader) -> Mapping[str, frozenset[str]]:
    value = fields.data.get("slots")
    if value is None:
        return {}
    out: dict[str, frozenset[str]] = {}
    if isinstance(value, LocatedDict):
        for name, values in value.items():
            values = [values] if isinstance(values, str) else values
            if (
                isinstance(name, str)
                and isinstance(values, list)
                and values
                and all(isinstance(v, str) for v in values)
            ):
                out[name] = frozenset(values)
                continue
            break
        else:
            return out
    fields.problem(
        "slots",
        "slots: must map slot names to a value or a list of values, "
        "e.g. {level: commune, ask: [what, person]}",
    )
    return {}


def _read_derived(fields: FieldReader) -> tuple[Derived, ...]:
    if fields.data.get("derived") is None:
        return ()
    if not isinstance(fields.data["derived"], LocatedList):
        fields.problem("derived", "derived: must be a list of {value, formula}")
        return ()
    out = []
    for _, entry in fields.items("derived"):
        figure = entry.data.get("value")
        figure = str(figure) if isinstance(figure, int | float | str) else None
        formula = entry.text("formula")
        if figure is None:
            entry.problem(None, "value: missing")
        if figure and formula:
            out.append(Derived(figure, formula))
    return tuple(out)
