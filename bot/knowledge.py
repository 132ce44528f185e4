"""Load and validate the YAML knowledge base into typed, immutable objects.

Every problem is reported as `knowledge/FILE.yaml:LINE: message`; the bot refuses to start
while there is one (it never serves half a knowledge base).
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import fields as fields_of
from pathlib import Path
from typing import Any

from bot.normalize import Tables, canonical_number, clean, load_tables, normalize
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR
from bot.yaml_source import Document, LocatedDict, LocatedList, Problem, read

INTENT_FILES = ("facts.yaml", "article.yaml", "smalltalk.yaml")
KINDS = ("fact", "meta", "smalltalk")
MIN_PHRASINGS = {"fact": 8, "meta": 8, "smalltalk": 5}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LOOKALIKE_D = "\u00d0\u00f0"


class KnowledgeError(Exception):
    """The knowledge base is invalid; `problems` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the knowledge base")


@dataclass(frozen=True, slots=True)
class Derived:
    """A figure computed from article figures, with the formula that proves it."""

    value: str
    formula: str


@dataclass(frozen=True, slots=True)
class Intent:
    id: str
    kind: str
    topic: str
    question: str
    phrasings: tuple[str, ...]
    answer: str
    evidence: tuple[str, ...]
    derived: tuple[Derived, ...]
    related: tuple[str, ...]
    slots: Mapping[str, frozenset[str]]
    source: Path
    line: int


@dataclass(frozen=True, slots=True)
class Thresholds:
    answer: float
    margin: float
    clarify: float
    suggest: float
    max_suggestions: int


@dataclass(frozen=True, slots=True)
class Weights:
    filler: float
    courtesy: float
    unknown: float
    folded: float
    wrong_marks: float
    partial_marks: float
    fuzzy: float
    fuzzy_cutoff: float
    answer_words: float
    question_share: float
    unseen_bigram: float
    unknown_number: float


@dataclass(frozen=True, slots=True)
class ScopeRule:
    pattern: re.Pattern[str]
    message: str


@dataclass(frozen=True, slots=True)
class Slot:
    """Mutually exclusive values of one aspect of a question, each found by a pattern."""

    name: str
    pattern: re.Pattern[str]
    values: Mapping[str, str]  # regex group name → value
    declared: frozenset[str]  # every value, also those no pattern gives away


@dataclass(frozen=True, slots=True)
class MatchSettings:
    thresholds: Thresholds
    weights: Weights
    filler: frozenset[str]
    courtesy: frozenset[str]
    context: frozenset[str]
    units: tuple[str, ...]
    question_words: tuple[str, ...]
    scope_rules: tuple[ScopeRule, ...]
    longest_question: int
    slots: tuple[Slot, ...]
    slot_penalty: float


@dataclass(frozen=True, slots=True)
class ConversationSettings:
    """How follow-up questions are read (knowledge/conversation.yaml)."""

    context_minutes: float
    markers_start: tuple[str, ...]
    markers_end: tuple[str, ...]
    why_markers: tuple[str, ...]
    why_by_topic: Mapping[str, str]
    no_counterpart: str


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    intents: tuple[Intent, ...]
    messages: Mapping[str, Any]
    settings: MatchSettings
    conversation: ConversationSettings
    tables: Tables
    article_text: str
    article_numbers: frozenset[str]
    by_id: Mapping[str, Intent]

    def intent(self, intent_id: str) -> Intent | None:
        return self.by_id.get(intent_id)


# ---------------------------------------------------------------- loading


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
    problems: list[Problem] = []
    try:
        article_text = article_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(article_path, 1, f"cannot read the article: {exc}")], []
    try:
        tables = load_tables(knowledge_dir)
    except Exception as exc:  # a broken table file must read as a problem, not a traceback
        return None, [Problem(knowledge_dir / "normalization.yaml", 1, f"cannot load: {exc}")], []
    article_clean = _comparable(article_text, tables)
    article_numbers = frozenset(_numbers(article_text))

    messages_doc = read(knowledge_dir / "messages.yaml")
    settings_doc = read(knowledge_dir / "matching.yaml")
    problems += messages_doc.problems + settings_doc.problems
    messages = _check_messages(messages_doc, problems)
    settings = _check_settings(settings_doc, problems)
    conversation_doc = read(knowledge_dir / "conversation.yaml")
    problems += conversation_doc.problems
    conversation = _check_conversation(conversation_doc, problems)

    intents: list[Intent] = []
    for name in INTENT_FILES:
        doc = read(knowledge_dir / name)
        problems += doc.problems
        intents += _check_intent_file(doc, problems)

    _check_across(intents, tables, article_clean, article_numbers, problems)
    if conversation is not None:
        known = {i.id for i in intents}
        for topic, target in conversation.why_by_topic.items():
            if target not in known:
                line = conversation_doc.data["why_by_topic"].line_of(topic)
                problems.append(
                    Problem(
                        conversation_doc.path,
                        line,
                        f"why_by_topic.{topic}: unknown intent {target!r}",
                    )
                )
    uncovered = _uncovered_figures(intents, article_numbers)
    if messages is not None:
        _check_message_refs(messages, messages_doc, intents, settings, problems)
    if problems or messages is None or settings is None or conversation is None:
        return None, problems, uncovered
    kb = KnowledgeBase(
        intents=tuple(intents),
        messages=messages,
        settings=settings,
        conversation=conversation,
        tables=tables,
        article_text=article_text,
        article_numbers=article_numbers,
        by_id={i.id: i for i in intents},
    )
    return kb, problems, uncovered


def _comparable(text: str, tables: Tables) -> str:
    return " ".join(clean(text, tables).split())


def _numbers(text: str) -> list[str]:
    return [canonical_number(m.group(0)) for m in _NUMBER.finditer(text)]


# ---------------------------------------------------------------- field checks


class _Fields:
    """Reads typed fields of one mapping, recording a Problem for each one that is wrong."""

    def __init__(self, doc: Document, data: LocatedDict, where: str, problems: list[Problem]):
        self.doc, self.data, self.where, self.problems = doc, data, where, problems

    def problem(self, key: str | None, message: str, index: int | None = None) -> None:
        line = self.data.line if key is None else self.data.line_of(key)
        value = self.data.get(key) if key is not None else None
        if index is not None and isinstance(value, LocatedList):
            line = value.line_of(index)
        prefix = f"{self.where}: " if self.where else ""
        self.problems.append(Problem(self.doc.path, line, f"{prefix}{message}"))

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(None, f"{key}: missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"{key}: must be a non-empty string")
            return None
        return value.strip()

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

    def section(self, key: str) -> _Fields | None:
        value = self.data.get(key)
        if not isinstance(value, LocatedDict):
            self.problem(None if value is None else key, f"{key}: must be a mapping")
            return None
        return _Fields(self.doc, value, self.where, self.problems)


def _check_intent_file(doc: Document, problems: list[Problem]) -> list[Intent]:
    if doc.data is None:
        if not doc.problems:
            problems.append(Problem(doc.path, 1, "empty file: expected `intents:`"))
        return []
    if not isinstance(doc.data, LocatedDict) or not isinstance(doc.data.get("intents"), list):
        problems.append(Problem(doc.path, 1, "expected a mapping with an `intents:` list"))
        return []
    items: LocatedList = doc.data["intents"]
    intents = []
    for index, item in enumerate(items):
        if not isinstance(item, LocatedDict):
            problems.append(Problem(doc.path, items.line_of(index), "an intent must be a mapping"))
            continue
        intent = _check_intent(doc, item, problems)
        if intent is not None:
            intents.append(intent)
    return intents


_INTENT_KEYS = {
    "id",
    "kind",
    "topic",
    "question",
    "phrasings",
    "answer",
    "evidence",
    "derived",
    "related",
    "slots",
}


def _check_intent(doc: Document, item: LocatedDict, problems: list[Problem]) -> Intent | None:
    before = len(problems)
    raw_id = item.get("id")
    where = f"intent {raw_id}" if isinstance(raw_id, str) else "intent"
    fields = _Fields(doc, item, where, problems)
    for key in item:
        if key not in _INTENT_KEYS:
            fields.problem(key, f"{key}: unknown field (known: {', '.join(sorted(_INTENT_KEYS))})")
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
    derived = _check_derived(fields)
    slots = _check_slots(fields)
    for text_key in ("question", "answer"):
        value = item.get(text_key)
        if isinstance(value, str) and any(ch in value for ch in _LOOKALIKE_D):
            fields.problem(text_key, f"{text_key}: writes Ð (U+00D0) or ð; users read Đ (U+0110)")
    if len(problems) > before:
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
        related=related,
        slots=slots,
        source=doc.path,
        line=item.line,
    )


def _check_slots(fields: _Fields) -> Mapping[str, frozenset[str]]:
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


def _check_derived(fields: _Fields) -> tuple[Derived, ...]:
    value = fields.data.get("derived")
    if value is None:
        return ()
    if not isinstance(value, LocatedList):
        fields.problem("derived", "derived: must be a list of {value, formula}")
        return ()
    out = []
    for index, entry in enumerate(value):
        if not isinstance(entry, LocatedDict):
            fields.problem("derived", f"derived[{index}]: must be a mapping", index)
            continue
        sub = _Fields(fields.doc, entry, f"{fields.where} derived[{index}]", fields.problems)
        figure = entry.get("value")
        figure = str(figure) if isinstance(figure, int | float | str) else None
        formula = sub.text("formula")
        if figure is None:
            sub.problem(None, "value: missing")
        if figure and formula:
            out.append(Derived(figure, formula))
    return tuple(out)


# ---------------------------------------------------------------- cross checks


def _check_across(
    intents: list[Intent],
    tables: Tables,
    article_clean: str,
    article_numbers: frozenset[str],
    problems: list[Problem],
) -> None:
    seen_ids: dict[str, Intent] = {}
    seen_phrasings: dict[str, tuple[Intent, str]] = {}
    for intent in intents:
        if intent.id in seen_ids:
            first = seen_ids[intent.id]
            problems.append(
                Problem(
                    intent.source,
                    intent.line,
                    f"duplicate id {intent.id!r} (first at {first.source.name}:{first.line})",
                )
            )
        seen_ids.setdefault(intent.id, intent)
        for phrasing in (*intent.phrasings, intent.question):
            key = normalize(phrasing, tables).folded_text
            other = seen_phrasings.get(key)
            if other is not None and not (other[0] is intent and phrasing == intent.question):
                problems.append(
                    Problem(
                        intent.source,
                        intent.line,
                        f"intent {intent.id}: duplicate phrasing "
                        f"{phrasing!r} (also in {other[0].id}: {other[1]!r})",
                    )
                )
            seen_phrasings.setdefault(key, (intent, phrasing))
    for intent in intents:
        _check_evidence(intent, tables, article_clean, article_numbers, problems)
        for rel in intent.related:
            if rel not in seen_ids:
                problems.append(
                    Problem(
                        intent.source,
                        intent.line,
                        f"intent {intent.id}: related: unknown intent {rel!r}",
                    )
                )


def _check_evidence(
    intent: Intent,
    tables: Tables,
    article_clean: str,
    article_numbers: frozenset[str],
    problems: list[Problem],
) -> None:
    def fail(message: str) -> None:
        problems.append(Problem(intent.source, intent.line, f"intent {intent.id}: {message}"))

    for quote in intent.evidence:
        if _comparable(quote, tables) not in article_clean:
            fail(f"evidence not found in the article: {quote[:70]!r}")
    allowed = {n for quote in intent.evidence for n in _numbers(quote)}
    for item in intent.derived:
        computed = _evaluate(item.formula)
        if computed is None:
            fail(f"derived {item.value}: formula {item.formula!r} is not plain arithmetic")
            continue
        for operand in re.findall(r"\d+(?:\.\d+)?", item.formula):
            if operand not in allowed and operand not in {"100", "1000"}:
                fail(f"derived {item.value}: {operand} is not a figure of its evidence")
        value = canonical_number(item.value.strip().rstrip("%").strip())
        decimals = len(value.split(".")[1]) if "." in value else 0
        if abs(round(computed, decimals) - float(value)) > 10**-decimals / 2 + 1e-9:
            fail(f"derived {item.value}: formula gives {computed:.4g}")
        allowed.add(value)
    if intent.kind == "smalltalk":
        allowed |= article_numbers  # smalltalk may cite the article's date
    for number in _numbers(intent.answer):
        if number not in allowed:
            fail(f"answer states {number}, which is not in its evidence (declare derived figures)")


_OPERATORS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def _evaluate(formula: str) -> float | None:
    """Plain arithmetic only (numbers, + - * /, parentheses): never eval()."""
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError:
        return None

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](walk(node.left), walk(node.right))
        raise ValueError(ast.dump(node))

    try:
        return walk(tree)
    except (ValueError, ZeroDivisionError):
        return None


def _uncovered_figures(intents: list[Intent], article_numbers: frozenset[str]) -> list[str]:
    stated = {n for intent in intents for n in _numbers(intent.answer)}
    return sorted(article_numbers - stated, key=lambda n: float(n))


# ---------------------------------------------------------------- messages and settings

_REQUIRED_MESSAGES = (
    "source_line",
    "clarify",
    "fallback",
    "fallback_out_of_scope",
    "fallback_unknown_year",
    "fallback_suggestions",
    "fallback_topics",
    "empty",
    "too_long",
)


def _root(doc: Document, problems: list[Problem], what: str) -> _Fields | None:
    """The fields of a file whose top level must be a mapping (a Problem if it is not)."""
    if not isinstance(doc.data, LocatedDict):
        if doc.data is not None or not doc.problems:
            problems.append(Problem(doc.path, 1, f"expected a mapping of {what}"))
        return None
    return _Fields(doc, doc.data, "", problems)


def _check_messages(doc: Document, problems: list[Problem]) -> Mapping[str, Any] | None:
    fields = _root(doc, problems, "messages")
    if fields is None:
        return None
    before = len(problems)
    for key in _REQUIRED_MESSAGES:
        fields.text(key)
    article = fields.section("article")
    if article is not None:
        for key in ("title", "source", "published", "author"):
            article.text(key)
        article.number("views", 0, 10**9)
    topics = fields.section("topics")
    if topics is not None:
        for key in topics.data:
            topics.text(str(key))
    fields.texts("examples")
    console = fields.section("console")
    if console is not None:
        for key in (
            "banner",
            "prompt",
            "help",
            "topics_header",
            "goodbye",
            "unknown_command",
            "voted_up",
            "voted_down",
            "nothing_to_vote",
            "forgot",
            "forget_failed",
        ):
            console.text(key)
    return doc.data if len(problems) == before else None


def _check_message_refs(
    messages: Mapping[str, Any],
    doc: Document,
    intents: list[Intent],
    settings: MatchSettings | None,
    problems: list[Problem],
) -> None:
    ids = {i.id for i in intents}
    data: LocatedDict = doc.data
    for index, example in enumerate(messages.get("examples", [])):
        if example not in ids:
            line = data["examples"].line_of(index)
            problems.append(Problem(doc.path, line, f"examples: unknown intent {example!r}"))
    topics = messages.get("topics", {})
    for intent in intents:
        if intent.kind != "smalltalk" and intent.topic not in topics:
            problems.append(
                Problem(
                    intent.source,
                    intent.line,
                    f"intent {intent.id}: topic {intent.topic!r} "
                    "has no label under topics: in messages.yaml",
                )
            )
    if settings is not None:
        known = {slot.name: slot.declared for slot in settings.slots}
        for intent in intents:
            for name, values in intent.slots.items():
                for value in sorted(values - known.get(name, set())):
                    problems.append(
                        Problem(
                            intent.source,
                            intent.line,
                            f"intent {intent.id}: slots: "
                            f"{name}={value} is not declared in matching.yaml",
                        )
                    )
        for rule in settings.scope_rules:
            if rule.message not in messages:
                problems.append(
                    Problem(doc.path, 1, f"scope rule names unknown message {rule.message!r}")
                )


def _check_conversation(doc: Document, problems: list[Problem]) -> ConversationSettings | None:
    fields = _root(doc, problems, "conversation settings")
    if fields is None:
        return None
    before = len(problems)
    minutes = fields.number("context_minutes", 0, 24 * 60)
    starts, ends = fields.texts("markers_start"), fields.texts("markers_end")
    why = fields.texts("why_markers")
    no_counterpart = fields.text("no_counterpart")
    by_topic = fields.section("why_by_topic")
    why_by_topic = {str(k): by_topic.text(str(k)) for k in by_topic.data} if by_topic else {}
    if len(problems) > before or minutes is None or no_counterpart is None:
        return None
    return ConversationSettings(
        context_minutes=minutes,
        markers_start=starts,
        markers_end=ends,
        why_markers=why,
        why_by_topic={k: v for k, v in why_by_topic.items() if v},
        no_counterpart=no_counterpart,
    )


def _check_settings(doc: Document, problems: list[Problem]) -> MatchSettings | None:
    fields = _root(doc, problems, "settings")
    if fields is None:
        return None
    before = len(problems)
    th = fields.section("thresholds")
    we = fields.section("weights")
    thresholds = weights = None
    if th is not None:
        values = {k: th.number(k, 0, 100) for k in ("answer", "margin", "clarify", "suggest")}
        count = th.number("max_suggestions", 1, 10)
        if None not in values.values() and count is not None:
            thresholds = Thresholds(**values, max_suggestions=int(count))  # type: ignore[arg-type]
    if we is not None:
        names = [f.name for f in fields_of(Weights) if f.name != "fuzzy_cutoff"]
        values = {k: we.number(k, 0, 10) for k in names}
        cutoff = we.number("fuzzy_cutoff", 0, 100)
        if None not in values.values() and cutoff is not None:
            weights = Weights(**values, fuzzy_cutoff=cutoff)  # type: ignore[arg-type]
    longest = fields.number("longest_question", 10, 100_000)
    filler = fields.texts("filler")
    courtesy = fields.texts("courtesy")
    context = fields.texts("context")
    units = fields.texts("units")
    question_words = fields.texts("question_words")
    rules: list[ScopeRule] = []
    raw_rules = doc.data.get("scope_rules", [])
    if not isinstance(raw_rules, list):
        fields.problem("scope_rules", "scope_rules: must be a list")
        raw_rules = []
    for index, raw in enumerate(raw_rules):
        if not isinstance(raw, LocatedDict):
            fields.problem("scope_rules", f"scope_rules[{index}]: must be a mapping", index)
            continue
        sub = _Fields(doc, raw, f"scope_rules[{index}]", problems)
        pattern, message = sub.text("pattern"), sub.text("message")
        if pattern and message:
            try:
                rules.append(ScopeRule(re.compile(pattern), message))
            except re.error as exc:
                sub.problem("pattern", f"pattern: invalid regular expression: {exc}")
    slots = _check_slot_table(fields)
    penalty = fields.number("slot_penalty", 0, 1)
    if (
        len(problems) > before
        or thresholds is None
        or weights is None
        or longest is None
        or penalty is None
    ):
        return None
    return MatchSettings(
        slots=slots,
        slot_penalty=penalty,
        thresholds=thresholds,
        weights=weights,
        filler=frozenset(filler),
        courtesy=frozenset(courtesy),
        context=frozenset(context),
        units=units,
        question_words=question_words,
        scope_rules=tuple(rules),
        longest_question=int(longest),
    )


def _check_slot_table(fields: _Fields) -> tuple[Slot, ...]:
    """One regex per slot, alternatives longest first, so "trên đại học" is not "đại học"."""
    table = fields.section("slots")
    if table is None:
        return ()
    slots = []
    for name, values in table.data.items():
        if not isinstance(values, LocatedDict):
            table.problem(name, f"slots.{name}: must map values to lists of patterns")
            continue
        sub = _Fields(fields.doc, values, f"slots.{name}", fields.problems)
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
            table.problem(name, f"slots.{name}: invalid pattern: {exc}")
    return tuple(slots)
