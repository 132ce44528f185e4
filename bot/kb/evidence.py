"""Every figure an answer states is proven by the article: quoted evidence, or arithmetic on it."""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from bot.kb.intents import ParsedIntent
from bot.kb.source import Problem
from bot.normalize import Tables, canonical_number, clean

if TYPE_CHECKING:
    from bot.kb.model import KnowledgeBase

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CANDIDATE_NUMBER = re.compile(r"(?m)^\d\. ")  # a clarification numbers its candidates
_OPERAND = re.compile(r"\d+(?:\.\d+)?")
_CONSTANTS = frozenset({"100", "1000"})  # a formula may scale to per cent or per mille


class Article:
    """The article as evidence is compared with it: cleaned text and its figures."""

    def __init__(self, text: str, tables: Tables) -> None:
        self.text = text
        self.tables = tables
        self.comparable = comparable(text, tables)
        self.numbers = frozenset(numbers(text))

    def quotes(self, quote: str) -> bool:
        return comparable(quote, self.tables) in self.comparable


def comparable(text: str, tables: Tables) -> str:
    return " ".join(clean(text, tables).split())


def numbers(text: str) -> list[str]:
    return [canonical_number(m.group(0)) for m in _NUMBER.finditer(text)]


def check_evidence(parsed: ParsedIntent, article: Article, problems: list[Problem]) -> None:
    """Evidence is quoted from the article; derived figures compute; the answer states no other."""
    intent = parsed.intent

    def fail(message: str, key: str, index: int | None = None, field: str | None = None) -> None:
        line = parsed.line(key, index, field)
        problems.append(Problem(intent.source, line, f"intent {intent.id}: {message}"))

    for index, quote in enumerate(intent.evidence):
        if not article.quotes(quote):
            fail(f"evidence not found in the article: {quote[:70]!r}", "evidence", index)
    allowed = {n for quote in intent.evidence for n in numbers(quote)}
    for index, item in enumerate(intent.derived):
        computed = evaluate(item.formula)
        if computed is None:
            message = f"derived {item.value}: formula {item.formula!r} is not plain arithmetic"
            fail(message, "derived", index, "formula")
            continue
        for operand in _OPERAND.findall(item.formula):
            if operand not in allowed and operand not in _CONSTANTS:
                message = f"derived {item.value}: {operand} is not a figure of its evidence"
                fail(message, "derived", index, "formula")
        value = canonical_number(item.value.strip().rstrip("%").strip())
        decimals = len(value.split(".")[1]) if "." in value else 0
        if abs(round(computed, decimals) - float(value)) > 10**-decimals / 2 + 1e-9:
            fail(f"derived {item.value}: formula gives {computed:.4g}", "derived", index, "formula")
        allowed.add(value)
    if intent.kind == "smalltalk":
        allowed |= article.numbers  # smalltalk may cite the article's date
    stated = set(numbers(intent.answer))
    for index, figure in enumerate(intent.figures):
        if figure not in stated:
            fail(f"figures: {figure} is not stated in its answer", "figures", index)
    for number in stated:
        if number not in allowed:
            message = (
                f"answer states {number}, which is not in its evidence (declare derived figures)"
            )
            fail(message, "answer")


_OPERATORS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def evaluate(formula: str) -> float | None:
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


def uncovered_figures(answers: Iterable[str], article_numbers: frozenset[str]) -> list[str]:
    """Article figures no answer states (printed by `kb check`, so none is forgotten)."""
    stated = {n for answer in answers for n in numbers(answer)}
    return sorted(article_numbers - stated, key=lambda n: float(n))


def reply_figures(kb: KnowledgeBase) -> frozenset[str]:
    """Every figure a reply may state: the article's, and the derivations the KB declares
    (sums, differences, gaps, years between two dates: `kb check` proves each from the
    article's figures)."""
    allowed = set(kb.article_numbers)
    allowed |= {canonical_number(d.value) for i in kb.intents for d in i.derived}
    allowed |= {canonical_number(span.years) for span in kb.spans.between}
    for group in kb.groups:
        for made in (group.total, group.difference, group.gap):
            if made is not None:
                allowed.add(canonical_number(made.value))
    return frozenset(allowed)


def figures_beyond(text: str, allowed: frozenset[str], numbered: bool = False) -> list[str]:
    """The figures `text` states that are not in `allowed`; `numbered`: a clarification, whose
    candidates' numbers are no figures."""
    text = _CANDIDATE_NUMBER.sub("", text) if numbered else text
    return [n for n in numbers(text) if n not in allowed]
