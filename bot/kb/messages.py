"""`messages:` → Messages: every text the core shows a user, checked to be there at start-up."""

from __future__ import annotations

from dataclasses import fields as fields_of

from bot.kb.files import Section
from bot.kb.model import Intent
from bot.kb.source import FieldReader, LocatedDict, Problem
from bot.kb.texts import ArticleInfo, ConsoleTexts, Messages

# the plain texts of Messages (article, topics, examples and console are read apart)
TEXTS = tuple(
    f.name
    for f in fields_of(Messages)
    if f.name not in ("article", "topics", "examples", "console")
)
_ARTICLE = tuple(f.name for f in fields_of(ArticleInfo) if f.name != "views")
_CONSOLE = tuple(f.name for f in fields_of(ConsoleTexts))


def read_messages(section: Section, problems: list[Problem]) -> Messages | None:
    """The texts as written: spaces are kept (the console prompt ends with one)."""
    if not isinstance(section.data, LocatedDict):
        problems.append(Problem(section.path, section.line, "messages: must be a mapping"))
        return None
    root = FieldReader(section.path, section.data, "messages", problems)
    before = len(problems)
    root.unknown_keys({*TEXTS, "article", "topics", "examples", "console"})
    texts = {key: root.text(key, strip=False) for key in TEXTS}
    article = root.section("article")
    if article is not None:
        article_texts = {key: article.text(key, strip=False) for key in _ARTICLE}
        views = article.number("views", 0, 10**9)
    topics = root.section("topics")
    labels = {str(key): topics.text(str(key), strip=False) for key in topics.data} if topics else {}
    examples = root.texts("examples")
    console = root.section("console")
    if console is not None:
        console_texts = {key: console.text(key, strip=False) for key in _CONSOLE}
    if len(problems) > before or article is None or console is None or topics is None:
        return None
    return Messages(
        article=ArticleInfo(**article_texts, views=int(views)),  # type: ignore[arg-type]
        topics=labels,  # type: ignore[arg-type]
        examples=examples,
        console=ConsoleTexts(**console_texts),  # type: ignore[arg-type]
        **texts,  # type: ignore[arg-type]
    )


def check_references(
    messages: Messages, section: Section, intents: list[Intent], problems: list[Problem]
) -> None:
    """Every example names an intent."""
    data: LocatedDict = section.data
    ids = {i.id for i in intents}
    for index, example in enumerate(messages.examples):
        if example not in ids:
            line = data["examples"].line_of(index)
            problems.append(Problem(section.path, line, f"examples: unknown intent {example!r}"))


def refusal(messages: Messages, name: str) -> str | None:
    """The text a scope rule names (one of the plain texts), or None if there is none."""
    return getattr(messages, name) if name in TEXTS else None
