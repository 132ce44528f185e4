"""`spans:` → Spans: the years between two dates the article gives ("từ khi ban hành Nghị quyết
03 đến khi đăng bài"), each declared with its value; `kb check` proves each year is written in
its fact's evidence and the value is the later year less the earlier."""

from __future__ import annotations

from collections.abc import Mapping

from bot.kb.evidence import numbers
from bot.kb.files import Section
from bot.kb.model import Intent, Span, SpanEnd, Spans
from bot.kb.source import FieldReader, LocatedDict, Problem
from bot.kb.understanding import patterns_of


def read_spans(
    section: Section, intents: Mapping[str, Intent], problems: list[Problem]
) -> Spans | None:
    if not isinstance(section.data, LocatedDict):
        problems.append(Problem(section.path, section.line, "spans: must be a mapping"))
        return None
    root = FieldReader(section.path, section.data, "spans", problems)
    before = len(problems)
    root.unknown_keys({"asks", "not_with", "from_words", "to_words", "between"})
    asks, not_with = patterns_of(root, "asks"), patterns_of(root, "not_with")
    if not asks:
        root.problem("asks", "asks: at least one pattern that asks for a number of years")
    from_words, to_words = frozenset(root.texts("from_words")), frozenset(root.texts("to_words"))
    between = []
    for _, item in root.items("between"):
        item.unknown_keys({"id", "start", "end", "years"})
        span_id, years = item.text("id"), item.text("years")
        start, end = _end(item, "start", intents), _end(item, "end", intents)
        if not span_id or not years or start is None or end is None:
            continue
        if not years.isdigit() or int(end.year) - int(start.year) != int(years):
            item.problem("years", f"years: {end.year} - {start.year} is not {years}")
            continue
        between.append(Span(span_id, start, end, years))
    if len(problems) > before:
        return None
    return Spans(asks, not_with, from_words, to_words, tuple(between))


def _end(item: FieldReader, key: str, intents: Mapping[str, Intent]) -> SpanEnd | None:
    section = item.section(key)
    if section is None:
        return None
    section.unknown_keys({"fact", "year", "label", "cues"})
    fact, year, label = section.text("fact"), section.text("year"), section.text("label")
    cues = patterns_of(section, "cues")
    if not fact or not year or not label:
        return None
    intent = intents.get(fact)
    if intent is None:
        section.problem("fact", f"fact: no intent {fact!r}")
        return None
    if year not in {n for quote in intent.evidence for n in numbers(quote)}:
        section.problem("year", f"year: {year} is not written in the evidence of {fact}")
        return None
    return SpanEnd(fact, year, label, cues)
