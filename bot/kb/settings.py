"""`matching:` and `conversation:` → the typed settings of the matcher, answers and follow-ups."""

from __future__ import annotations

import re
from dataclasses import fields as fields_of

from bot.kb.files import Section
from bot.kb.model import (
    ConversationSettings,
    MatchSettings,
    ScopeRule,
    Slot,
    Thresholds,
    Weights,
)
from bot.kb.source import FieldReader, LocatedDict, Problem

_WORD_LISTS = (
    "filler",
    "filler_as_typed",
    "courtesy",
    "context",
    "counted_units",
    "count_qualifiers",
    "count_phrase_ends",
    "question_words",
    "year_cues",
    "horizon_cues",
    "approximate_cues",
    "rounding_cues",
    "reply_format_units",
    "times_units",
    "counted_things",
    "reply_format_closers",
    "reply_format_before",
    "narrowing_slots",
    "denying_words",
    "restating_words",
    "example_openers",
    "example_enders",
    "recheck_words",
)
MATCHING_FIELDS = frozenset(
    {"thresholds", "weights", "longest_question", "scope_rules", "slots", "slot_penalty"}
    | {"slot_every"}
    | set(_WORD_LISTS)
)
CONVERSATION_FIELDS = frozenset(f.name for f in fields_of(ConversationSettings))


def _root(section: Section, problems: list[Problem]) -> FieldReader | None:
    if not isinstance(section.data, LocatedDict):
        problems.append(Problem(section.path, section.line, f"{section.kind}: must be a mapping"))
        return None
    return FieldReader(section.path, section.data, section.kind, problems)


def read_matching(section: Section, problems: list[Problem]) -> MatchSettings | None:
    """Settings of the matcher, with each scope rule's message still a name in `messages:`."""
    fields = _root(section, problems)
    if fields is None:
        return None
    before = len(problems)
    fields.unknown_keys(MATCHING_FIELDS)
    thresholds = _thresholds(fields.section("thresholds"))
    weights = _weights(fields.section("weights"))
    longest = fields.number("longest_question", 10, 100_000)
    words = {key: fields.texts(key) for key in _WORD_LISTS}
    rules: list[ScopeRule] = []
    for _, rule in fields.items("scope_rules"):
        pattern, message = rule.text("pattern"), rule.text("message")
        if pattern and message:
            try:
                rules.append(ScopeRule(re.compile(pattern), message))
            except re.error as exc:
                rule.problem("pattern", f"pattern: invalid regular expression: {exc}")
    slots = _slot_table(fields)
    penalty = fields.number("slot_penalty", 0, 1)
    every = fields.section("slot_every")
    slot_every = {str(k): every.text(str(k)) or "" for k in every.data} if every else {}
    for name in words["narrowing_slots"]:
        if not any(s.name == name for s in slots):
            fields.problem("narrowing_slots", f"narrowing_slots: {name!r} is no slot")
    for name, value in slot_every.items():
        slot = next((s for s in slots if s.name == name), None)
        if slot is None or value not in slot.declared:
            every.problem(name, f"slot_every: {name}: {value!r} is no value of that slot")  # type: ignore[union-attr]
    if len(problems) > before or None in (thresholds, weights, longest, penalty):
        return None
    return MatchSettings(
        thresholds=thresholds,  # type: ignore[arg-type]
        weights=weights,  # type: ignore[arg-type]
        filler=frozenset(words["filler"]),
        filler_as_typed=frozenset(words["filler_as_typed"]),
        courtesy=frozenset(words["courtesy"]),
        context=frozenset(words["context"]),
        counted_units=words["counted_units"],
        count_qualifiers=words["count_qualifiers"],
        count_phrase_ends=frozenset(words["count_phrase_ends"]),
        question_words=words["question_words"],
        year_cues=frozenset(words["year_cues"]),
        horizon_cues=frozenset(words["horizon_cues"]),
        approximate_cues=frozenset(words["approximate_cues"]),
        rounding_cues=frozenset(words["rounding_cues"]),
        reply_format_units=frozenset(words["reply_format_units"]),
        times_units=frozenset(words["times_units"]),
        counted_things=frozenset(words["counted_things"]),
        reply_format_closers=frozenset(words["reply_format_closers"]),
        reply_format_before=frozenset(words["reply_format_before"]),
        scope_rules=tuple(rules),
        longest_question=int(longest),  # type: ignore[arg-type]
        slots=slots,
        slot_penalty=penalty,  # type: ignore[arg-type]
        slot_every=slot_every,
        narrowing_slots=words["narrowing_slots"],
        denying_words=words["denying_words"],
        restating_words=words["restating_words"],
        example_openers=words["example_openers"],
        example_enders=words["example_enders"],
        recheck_words=frozenset(words["recheck_words"]),
    )


_THRESHOLDS = (
    "answer",
    "margin",
    "clarify",
    "suggest",
    "lead_answer",
    "lead",
    "ask_answer",
    "ask_lead",
    "group_lead",
)


def _thresholds(section: FieldReader | None) -> Thresholds | None:
    if section is None:
        return None
    values = {k: section.number(k, 0, 100) for k in _THRESHOLDS}
    count = section.number("max_suggestions", 1, 10)
    if None in values.values() or count is None:
        return None
    return Thresholds(**values, max_suggestions=int(count))  # type: ignore[arg-type]


def _weights(section: FieldReader | None) -> Weights | None:
    if section is None:
        return None
    names = [f.name for f in fields_of(Weights) if f.name != "fuzzy_cutoff"]
    values = {k: section.number(k, 0, 10) for k in names}
    cutoff = section.number("fuzzy_cutoff", 0, 100)
    if None in values.values() or cutoff is None:
        return None
    return Weights(**values, fuzzy_cutoff=cutoff)  # type: ignore[arg-type]


def _slot_table(fields: FieldReader, key: str = "slots") -> tuple[Slot, ...]:
    """One regex per slot, alternatives longest first, so "trên đại học" is not "đại học"."""
    table = fields.section(key)
    if table is None:
        return ()
    slots = []
    for name, values in table.data.items():
        if not isinstance(values, LocatedDict):
            table.problem(name, f"{key}.{name}: must map values to lists of patterns")
            continue
        sub = FieldReader(fields.path, values, f"{key}.{name}", fields.problems)
        alternatives: list[tuple[str, str]] = []
        for value in values:
            alternatives += [(p, str(value)) for p in sub.texts(str(value), allow_empty=True)]
        alternatives.sort(key=lambda pv: -len(pv[0]))
        groups = {f"v{i}": value for i, (_, value) in enumerate(alternatives)}
        body = "|".join(f"(?P<v{i}>{p})" for i, (p, _) in enumerate(alternatives))
        try:
            pattern = re.compile(rf"\b(?:{body})\b" if body else r"(?!)")
            slots.append(Slot(str(name), pattern, groups, frozenset(map(str, values))))
        except re.error as exc:
            table.problem(name, f"{key}.{name}: invalid pattern: {exc}")
    return tuple(slots)


def read_conversation(section: Section, problems: list[Problem]) -> ConversationSettings | None:
    fields = _root(section, problems)
    if fields is None:
        return None
    before = len(problems)
    fields.unknown_keys(CONVERSATION_FIELDS)
    minutes = fields.number("context_minutes", 0, 24 * 60)
    texts = {name: fields.texts(name) for name in _CONVERSATION_LISTS}
    no_counterpart, no_share = fields.text("no_counterpart"), fields.text("no_share")
    whole, article_topic = fields.text("whole"), fields.text("article_topic")
    names = (
        "why_by_topic",
        "why_by_intent",
        "purpose_by_topic",
        "remedy_by_topic",
        "undated_topics",
    )
    by_topic = {name: _mapping(fields, name) for name in names}
    by_ask, article_asks = _mapping(fields, "by_ask"), _mapping(fields, "article_asks")
    slot_words = _slot_table(fields, "slot_words")
    part_words = _slot_table(fields, "part_words")
    if len(problems) > before or None in (minutes, no_counterpart, no_share, whole, article_topic):
        return None
    return ConversationSettings(
        context_minutes=minutes,
        **texts,
        **by_topic,
        by_ask=by_ask,
        article_asks=article_asks,
        no_counterpart=no_counterpart,
        slot_words=slot_words,
        part_words=part_words,
        whole=whole,
        no_share=no_share,
        article_topic=article_topic,
    )


_CONVERSATION_LISTS = (
    "same_value_words",
    "kept_when_named",
    "markers_start",
    "markers_end",
    "carry_offered",
    "why_markers",
    "purpose_markers",
    "remedy_markers",
    "period_markers",
    "inclusion_markers",
    "pronouns",
    "about_markers",
    "filler",
    "other_markers",
    "else_markers",
    "share_markers",
    "whole_markers",
    "addressing",
    "publication_words",
    "as_of_asks",
    "every_words",
    "choice_words",
    "restate_words",
    "restate_beside",
    "split_words",
    "quote_words",
    "quote_beside",
    "article_words",
    "content_asks",
    "own_name_asks",
)


def _mapping(fields: FieldReader, key: str) -> dict[str, str]:
    """A mapping of names to texts (an intent id each); empty values are left out."""
    section = fields.section(key)
    found = {str(k): section.text(str(k)) for k in section.data} if section else {}
    return {k: v for k, v in found.items() if v}
