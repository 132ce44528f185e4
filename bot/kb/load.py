"""Load and validate the knowledge base into typed, immutable objects.

Every problem is reported as `knowledge/FILE.yaml:LINE: message`; the bot refuses to start
while there is one (it never serves half a knowledge base).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bot.kb.evidence import Article, check_evidence, uncovered_figures
from bot.kb.files import Sources, read_all
from bot.kb.groups import check_groups, read_groups
from bot.kb.intents import ParsedIntent, read_intents
from bot.kb.messages import check_references, read_messages, refusal
from bot.kb.model import (
    ConversationSettings,
    Intent,
    KnowledgeBase,
    KnowledgeError,
    MatchSettings,
)
from bot.kb.settings import read_conversation, read_matching
from bot.kb.source import Problem
from bot.kb.spans import read_spans
from bot.kb.tables import tables_from, with_unmarked
from bot.kb.texts import Messages
from bot.kb.understanding import read_understanding
from bot.normalize import Tables, normalize
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR


def load_knowledge(
    knowledge_dir: Path = KNOWLEDGE_DIR, article_path: Path = ARTICLE_PATH
) -> KnowledgeBase:
    """The validated knowledge base; raises KnowledgeError listing every problem."""
    kb, problems, _ = check_knowledge(knowledge_dir, article_path)
    if problems or kb is None:
        raise KnowledgeError(problems)
    return kb


def check_knowledge(
    knowledge_dir: Path = KNOWLEDGE_DIR, article_path: Path = ARTICLE_PATH
) -> tuple[KnowledgeBase | None, list[Problem], list[str]]:
    """(knowledge base or None, problems, uncovered article figures) — what `kb check` prints."""
    try:
        article_text = article_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(article_path, 1, f"cannot read the article: {exc}")], []
    sources = read_all(knowledge_dir)
    problems = sources.problems
    if sources.unreadable:  # what follows from a file that cannot be read is noise
        return None, problems, []
    tables = tables_from(sources, problems)
    if tables is None:
        return None, problems, []
    article = Article(article_text, tables)

    parsed = [p for section in sources.all("intents") for p in read_intents(section, problems)]
    intents = [p.intent for p in parsed]
    messages_section = sources.one("messages")
    messages = read_messages(messages_section, problems) if messages_section else None
    settings = _matching(sources, messages, problems)
    conversation = _conversation(sources, intents, problems)
    reading = sources.one("understanding")
    understanding = read_understanding(reading, tables, article_text, problems) if reading else None
    groups_section = sources.one("groups")
    groups = read_groups(groups_section, problems) if groups_section else []
    if groups_section is not None:
        check_groups(groups, groups_section, {i.id: i for i in intents}, problems)

    spans_section = sources.one("spans")
    by_id = {i.id: i for i in intents}
    spans = read_spans(spans_section, by_id, problems) if spans_section else None

    _check_across(parsed, tables, problems)
    for p in parsed:
        check_evidence(p, article, problems)
    _check_topics_and_slots(parsed, messages, settings, problems)
    if messages is not None and messages_section is not None:
        check_references(messages, messages_section, intents, problems)
    uncovered = uncovered_figures((i.answer for i in intents), article.numbers)
    if (
        problems
        or messages is None
        or settings is None
        or conversation is None
        or understanding is None
        or spans is None
    ):
        return None, problems, uncovered
    kb = KnowledgeBase(
        intents=tuple(intents),
        messages=messages,
        settings=settings,
        conversation=conversation,
        understanding=understanding,
        groups=tuple(groups),
        spans=spans,
        tables=with_unmarked(tables, _texts(article_text, intents)),
        article_text=article_text,
        article_numbers=article.numbers,
        by_id={i.id: i for i in intents},
    )
    return kb, problems, uncovered


def _texts(article_text: str, intents: Sequence[Intent]) -> list[str]:
    """Every sentence the KB writes: the article's, and each fact's question, phrasings, answer."""
    lines = [line for line in article_text.splitlines() if line.strip()]
    return [*lines, *(t for i in intents for t in (i.question, *i.phrasings, i.answer))]


def _matching(
    sources: Sources, messages: Messages | None, problems: list[Problem]
) -> MatchSettings | None:
    """The matcher's settings, each scope rule's message name replaced by its text."""
    section = sources.one("matching")
    settings = read_matching(section, problems) if section else None
    if settings is None or messages is None:
        return settings
    rules = []
    for index, rule in enumerate(settings.scope_rules):
        text = refusal(messages, rule.message)
        if text is None:
            line = section.data["scope_rules"].line_of(index)
            message = f"scope_rules[{index}]: message names unknown message {rule.message!r}"
            problems.append(Problem(section.path, line, message))
        rules.append(replace(rule, message=text or ""))
    return replace(settings, scope_rules=tuple(rules))


def _conversation(
    sources: Sources, intents: Sequence[Intent], problems: list[Problem]
) -> ConversationSettings | None:
    known = {i.id for i in intents}
    section = sources.one("conversation")
    conversation = read_conversation(section, problems) if section else None
    if conversation is not None:
        for key in ("by_ask", "article_asks"):
            for ask, target in getattr(conversation, key).items():
                if target not in known:
                    line = section.data[key].line_of(ask)
                    problems.append(
                        Problem(section.path, line, f"{key}.{ask}: unknown intent {target!r}")
                    )
        for key in ("why_by_topic", "why_by_intent", "purpose_by_topic"):
            for topic, target in getattr(conversation, key).items():
                if target not in known:
                    line = section.data[key].line_of(topic)
                    message = f"{key}.{topic}: unknown intent {target!r}"
                    problems.append(Problem(section.path, line, message))
        if conversation.whole not in known:
            line = section.data.line_of("whole")
            problems.append(
                Problem(section.path, line, f"whole: unknown intent {conversation.whole!r}")
            )
        if conversation.article_topic not in {i.topic for i in intents}:  # "nội dung?" reads it
            line = section.data.line_of("article_topic")
            message = f"article_topic: no intent has topic {conversation.article_topic!r}"
            problems.append(Problem(section.path, line, message))
    return conversation


def _check_across(parsed: list[ParsedIntent], tables: Tables, problems: list[Problem]) -> None:
    """Ids unique, no phrasing in two places, `related` names intents."""
    seen_ids: dict[str, ParsedIntent] = {}
    seen_phrasings: dict[str, tuple[ParsedIntent, str]] = {}
    for p in parsed:
        intent = p.intent
        if intent.id in seen_ids:
            first = seen_ids[intent.id].intent
            where = f"{first.source.name}:{first.line}"
            message = f"duplicate id {intent.id!r} (first at {where})"
            problems.append(Problem(intent.source, p.line("id"), message))
        seen_ids.setdefault(intent.id, p)
        located = [*((t, p.line("phrasings", i)) for i, t in enumerate(intent.phrasings))]
        for phrasing, line in [*located, (intent.question, p.line("question"))]:
            key = normalize(phrasing, tables).folded_text
            other = seen_phrasings.get(key)
            if other is not None and not (other[0] is p and phrasing == intent.question):
                message = (
                    f"intent {intent.id}: duplicate phrasing "
                    f"{phrasing!r} (also in {other[0].intent.id}: {other[1]!r})"
                )
                problems.append(Problem(intent.source, line, message))
            seen_phrasings.setdefault(key, (p, phrasing))
    for p in parsed:
        for index, rel in enumerate(p.intent.related):
            if rel not in seen_ids:
                message = f"intent {p.intent.id}: related: unknown intent {rel!r}"
                problems.append(Problem(p.intent.source, p.line("related", index), message))


def _check_topics_and_slots(
    parsed: list[ParsedIntent],
    messages: Messages | None,
    settings: MatchSettings | None,
    problems: list[Problem],
) -> None:
    """Every topic has a label in `messages:`; every slot value is declared in `matching:`."""
    for p in parsed:
        intent = p.intent
        if (
            messages is not None
            and intent.kind != "smalltalk"
            and intent.topic not in messages.topics
        ):
            message = (
                f"intent {intent.id}: topic {intent.topic!r} has no label under messages: topics:"
            )
            problems.append(Problem(intent.source, p.line("topic"), message))
        if settings is None:
            continue
        known = {slot.name: slot.declared for slot in settings.slots}
        for name, values in intent.slots.items():
            for value in sorted(values - known.get(name, set())):
                message = (
                    f"intent {intent.id}: slots: {name}={value} is not declared in matching: slots:"
                )
                problems.append(Problem(intent.source, p.line("slots"), message))
