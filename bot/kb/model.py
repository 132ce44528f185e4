"""The knowledge base as typed, immutable values: what the rest of the bot sees after loading."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.kb.reading_words import Phrases as Phrases  # re-exported: read from here too
from bot.kb.reading_words import Understanding as Understanding
from bot.kb.reading_words import Unstated as Unstated
from bot.kb.source import Problem
from bot.normalize import Tables
from bot.values import value_class

if TYPE_CHECKING:
    from bot.kb.texts import Messages

KINDS = ("fact", "meta", "smalltalk")


class KnowledgeError(Exception):
    """The knowledge base is invalid; `problems` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the knowledge base")


@value_class
class Derived:
    """A figure computed from article figures, with the formula that proves it."""

    value: str
    formula: str


@value_class
class Intent:
    id: str
    kind: str  # one of KINDS
    topic: str
    question: str
    phrasings: tuple[str, ...]
    answer: str
    evidence: tuple[str, ...]
    derived: tuple[Derived, ...]
    figures: tuple[str, ...]  # the article's figures this fact reports, canonical ("1999")
    related: tuple[str, ...]
    slots: Mapping[str, frozenset[str]]
    source: Path
    line: int
    # words a question naming anything must hold one of for this intent ("who are you": the bot)
    needs: tuple[str, ...] = ()


@value_class
class Thresholds:
    answer: float
    margin: float
    clarify: float
    suggest: float
    max_suggestions: int
    lead_answer: float  # a little under `answer`, a best score this far ahead answers too
    lead: float
    ask_answer: float  # a best score this high answers when what is asked (a time, a source)
    ask_lead: float  # is stated by it alone among the close candidates, this far ahead
    group_lead: float  # a tie of a group's parts this far ahead of any other fact: every part


@value_class
class Weights:
    filler: float
    courtesy: float
    unknown: float
    folded: float
    wrong_marks: float
    partial_marks: float
    fuzzy: float
    slip: float
    slip_marked: float
    fuzzy_cutoff: float
    answer_words: float
    question_share: float
    unseen_bigram: float
    unknown_number: float


@value_class
class ScopeRule:  # a question matching `pattern` (accent-folded) is refused with `message`
    pattern: re.Pattern[str]
    message: str


@value_class
class Slot:  # mutually exclusive values of one aspect of a question, each found by a pattern
    name: str
    pattern: re.Pattern[str]
    values: Mapping[str, str]  # regex group name → value
    declared: frozenset[str]  # every value, also those no pattern gives away


@value_class
class MatchSettings:
    thresholds: Thresholds
    weights: Weights
    filler: frozenset[str]
    filler_as_typed: frozenset[str]  # filler only typed with diacritics ("thôi", not "thoi": thời)
    courtesy: frozenset[str]
    context: frozenset[str]
    counted_units: tuple[str, ...]
    count_qualifiers: tuple[str, ...]
    count_phrase_ends: frozenset[str]  # "bao nhiêu xã có cán bộ …": the thing counted ends at "có"
    question_words: tuple[str, ...]
    year_cues: frozenset[str]
    horizon_cues: frozenset[str]
    approximate_cues: frozenset[str]
    rounding_cues: frozenset[str]  # of those, the ones that say nothing but "near" ("gần")
    reply_format_units: frozenset[str]  # "2 câu", "3 dòng": the reply's length, no figure
    times_units: frozenset[str]  # "1 lần", "3 lần": how often, no figure claimed
    counted_things: frozenset[str]  # "cả 2 cấp", "3 loại": how many things, no figure
    reply_format_closers: frozenset[str]  # … at the end, or before only these
    reply_format_before: frozenset[str]  # … right after one of these ("tóm tắt 2 câu")
    scope_rules: tuple[ScopeRule, ...]
    longest_question: int
    slots: tuple[Slot, ...]
    slot_penalty: float
    slot_every: Mapping[str, str]  # per slot, the value naming all ("toàn huyện": level all)
    narrowing_slots: tuple[str, ...] = ()  # a fact's value of one is asked only when named
    denying_words: tuple[str, ...] = ()  # "không phải công chức": the value after them unnamed
    restating_words: tuple[str, ...] = ()  # ", tức là công chức xã,": one phrase with before
    example_openers: tuple[str, ...] = ()  # "công chức như địa chính, tư pháp": kinds named
    example_enders: tuple[str, ...] = ()  # "… thì học gì?": where a list of examples ends
    recheck_words: frozenset[str] = frozenset()  # "chắc chưa? … thấy ghi 249": a re-check

    @property
    def units(self) -> tuple[str, ...]:
        """What may follow "bao nhiêu" in a count the article gives: a unit, or a qualifier."""
        return self.counted_units + self.count_qualifiers


@value_class
class ConversationSettings:
    """How follow-up questions are read."""

    context_minutes: float
    markers_start: tuple[str, ...]
    markers_end: tuple[str, ...]
    carry_offered: tuple[str, ...]  # "còn cấp xã?" after a one-fact clarification
    why_markers: tuple[str, ...]
    why_by_topic: Mapping[str, str]
    why_by_intent: Mapping[str, str]  # a fact whose own reason the article gives apart
    purpose_markers: tuple[str, ...]
    period_markers: tuple[str, ...]  # "mỗi năm hay tổng?": the period of the figure just given
    inclusion_markers: tuple[str, ...]  # "tính cả viên chức không?": whom that figure counts
    purpose_by_topic: Mapping[str, str]
    remedy_markers: tuple[str, ...]  # "đã làm gì để khắc phục?": what was done about it
    remedy_by_topic: Mapping[str, str]
    by_ask: Mapping[str, str]  # "hồi nào?" after an answer: the intent that answers that ask
    article_asks: Mapping[str, str]  # words asking, after the article's own facts ("của ai?")
    # topics whose figures are gathered over years, with no year of their own: what is unsaid
    undated_topics: Mapping[str, str]
    every_words: tuple[str, ...]  # "đúng cả không?": of every fact just given
    choice_words: tuple[str, ...]  # "cấp huyện hay cấp xã?": which value the fact has
    restate_words: tuple[str, ...]  # "nói gọn 1 câu": the facts just given, again
    split_words: tuple[str, ...]  # "tách ra từng cấp": the facts just given, each on its own
    quote_words: tuple[str, ...]  # "nguyên văn thế nào?": the article's own words for them
    quote_beside: tuple[str, ...]  # "… trong bài ghi thế nào, tôi cần trích": beside them
    restate_beside: tuple[str, ...]  # "… giúp mình", "cái số vừa rồi": beside them, naming nothing
    publication_words: tuple[str, ...]  # "… được công bố khi nào?": the article's own date
    as_of_asks: tuple[str, ...]  # "tính tới lúc nào?" after a figure gathered till then
    article_words: tuple[str, ...]  # "bài nói về gì?" names the article, not the fact just given
    content_asks: tuple[str, ...]  # "nội dung?" after a fact that says something: what it says
    own_name_asks: tuple[str, ...]  # "tên đầy đủ là gì?" after a fact with a name: that name
    article_topic: str  # the topic of the article's own facts (title, author, date)
    no_counterpart: str
    pronouns: tuple[str, ...]  # "nó", "ông ấy": written with diacritics, compared as written
    about_markers: tuple[str, ...]  # "ông ấy nói gì về …": the rest is the question
    slot_words: tuple[Slot, ...]  # slot values only a follow-up names ("ở huyện")
    # values picking one part of a group given per level ("ở huyện có mấy cán bộ trẻ")
    part_words: tuple[Slot, ...]
    filler: tuple[str, ...]  # words that name nothing in a follow-up ("khoảng")
    other_markers: tuple[str, ...]  # "cấp kia": the other part of the previous answer's group
    addressing: tuple[str, ...]  # "bạn", "bot": a message naming the bot asks about the bot
    else_markers: tuple[str, ...]  # "ngoài ra … nào nữa": something else than the previous answer
    share_markers: tuple[str, ...]  # "mấy phần trăm": a share of a whole
    whole_markers: tuple[str, ...]  # "so với tổng số": the whole the article's shares are of
    whole: str  # the intent that gives that whole
    no_share: str
    # slots a follow-up keeps from the last answer only if the user named them: after "bao nhiêu
    # người học cao cấp?" (a district figure, the level unnamed) "trung cấp thì sao?" is both levels
    kept_when_named: tuple[str, ...] = ()
    same_value_words: tuple[str, ...] = ()  # "ở cấp đó": the last answer's value, named again

    def addresses(self, tokens: Sequence[str]) -> bool:
        """Whether a message names the bot ("bạn", "bot"): it asks about the bot."""
        return any(t in self.addressing for t in tokens)


@value_class
class Total:
    """A declared sum of a group's figures, as the article writes numbers ("1.077")."""

    value: str
    formula: str  # "1066 + 11" (or "1999 - 294"): whole numbers, each a figure of a part
    unit: str


@value_class
class Group:
    """Facts the article gives side by side, one figure per level (course, degree …)."""

    id: str
    by: str  # the slot whose values tell the parts apart
    parts: tuple[str, ...]  # intent ids, in the order a reply lists them
    labels: Mapping[str, str]
    total: Total | None
    all_when_unnamed: bool  # a question naming no value of `by` gets every part
    difference: Total | None = None  # the first part's figure less the others' ("1999 - 294")
    remainder: str | None = None  # the value of `by` the difference counts ("cấp huyện")
    gap: Total | None = None  # how far apart two parts are ("300 - 55"), for "nhiều hơn bao nhiêu"
    loose: Mapping[str, frozenset[str]] = field(default_factory=dict)  # "cán bộ": everyone
    quoted: tuple[str, ...] = ()  # the parts a difference's reply quotes (they write the rest)
    # the only words that ask its difference, folded ("chua co trinh do dai hoc"); none: any
    # of understanding.yaml `difference_cues`
    cues: tuple[tuple[str, ...], ...] = ()


@value_class
class SpanEnd:
    """One date of a span: the fact that writes its year, and what names it in a question."""

    fact: str
    year: str
    label: str
    cues: tuple[re.Pattern[str], ...]  # over the folded question


@value_class
class Span:
    """The years between two dates the article gives, declared and proven by `kb check`."""

    id: str
    start: SpanEnd
    end: SpanEnd
    years: str


@value_class
class Spans:
    asks: tuple[re.Pattern[str], ...]  # what asks for a number of years (folded)
    not_with: tuple[re.Pattern[str], ...]  # … unless the question counts people as well
    from_words: frozenset[str]  # "từ (khi …)": the start
    to_words: frozenset[str]  # "đến (khi …)": the end
    between: tuple[Span, ...]


@value_class
class KnowledgeBase:
    intents: tuple[Intent, ...]
    messages: Messages
    settings: MatchSettings
    conversation: ConversationSettings
    understanding: Understanding
    groups: tuple[Group, ...]
    spans: Spans
    tables: Tables
    article_text: str
    article_numbers: frozenset[str]
    by_id: Mapping[str, Intent]

    def intent(self, intent_id: str) -> Intent | None:
        return self.by_id.get(intent_id)

    def values_of(self, intent_id: str, slot: str) -> frozenset[str]:
        """The values a fact declares for `slot` (none for an unknown fact)."""
        intent = self.by_id.get(intent_id)
        return frozenset(intent.slots.get(slot, ())) if intent is not None else frozenset()
