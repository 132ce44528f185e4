"""Every text the core shows a user, as typed values (knowledge/messages.yaml)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.values import value_class


@value_class
class ArticleInfo:
    title: str
    source: str
    published: str
    author: str
    views: int


class _ByName:
    # Transitional: bot/console.py (helper "cli") still reads its texts as texts["banner"];
    # remove once it reads attributes.
    __slots__ = ()

    def __getitem__(self, name: str) -> object:
        return getattr(self, name)


@value_class
class ConsoleTexts(_ByName):
    banner: str
    prompt: str
    help: str
    topics_header: str
    goodbye: str
    unknown_command: str
    voted_up: str
    voted_down: str
    nothing_to_vote: str
    forgot: str
    forget_failed: str


@value_class
class Messages(_ByName):
    """Every text the core shows a user (the console and Telegram share them)."""

    article: ArticleInfo
    source_line: str
    clarify: str
    clarify_one: str
    total_line: str
    total_none: str
    total_unstated: str
    worked_none: str
    quote_line: str
    rank_largest: str
    rank_smallest: str
    rank_descending: str
    rank_ascending: str
    rank_unlike: str
    difference_line: str
    part_unstated: str
    part_given_apart: str  # "trong đó … học trung cấp?" after the 294: the 300, given apart
    gap_line: str
    gap_none: str
    span_line: str
    meaning_header: str
    meaning_missing: str
    meaning_others_missing: str
    claim_found: str
    one_at_a_time: str
    asked_first: str
    claim_missing: str
    claim_partly: str
    claim_sum: str
    claim_rounded_sum: str
    claim_rounded: str
    unstated: str
    unstated_nearby: str
    fallback_advice: str
    fallback_opinion: str
    fallback_clock: str
    fallback: str
    fallback_out_of_scope: str
    fallback_unknown_year: str
    as_of_line: str  # "tính tới lúc nào?": a figure counted up to the article's "now"
    fallback_suggestions: str
    fallback_in_scope: str
    fallback_topics: str
    empty: str
    too_long: str
    command: str  # a command typed where no client reads it ("/reset")
    topics: Mapping[str, str]  # topic id → label, in the order shown
    examples: tuple[str, ...]  # intent ids
    console: ConsoleTexts
