"""`python -m bot eval`: accuracy on labelled question sets, by category, with every mistake shown.

An in-scope question is correct when it is answered with its intent, wrong when it is answered
with another; clarifying or falling back is neither. An out-of-scope question (intent: null) is
rejected when it is not answered. The run fails under the acceptance thresholds below.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from bot.answer import Responder
from bot.kb import KnowledgeError
from bot.paths import PROJECT_DIR

DEFAULT_SETS = (PROJECT_DIR / "tests" / "eval" / "questions.yaml",)
MIN_CORRECT = 0.90  # in-scope answered with the right intent
MAX_WRONG = 0.03  # in-scope answered with a wrong intent
MIN_REJECTED = 0.90  # out-of-scope not answered


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    intent: str | None
    category: str


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    status: str
    intent: str | None
    score: float

    @property
    def answered(self) -> bool:
        return self.status in ("answer", "smalltalk")

    @property
    def verdict(self) -> str:
        if self.case.intent is None:
            return "wrong" if self.answered else "rejected"
        if self.answered:
            return "correct" if self.intent == self.case.intent else "wrong"
        return self.status  # clarify or fallback


@dataclass(frozen=True, slots=True)
class Summary:
    in_scope: int
    correct: int
    wrong: int
    out_of_scope: int
    rejected: int

    @property
    def correct_rate(self) -> float:
        return self.correct / self.in_scope if self.in_scope else 1.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.in_scope if self.in_scope else 0.0

    @property
    def rejected_rate(self) -> float:
        return self.rejected / self.out_of_scope if self.out_of_scope else 1.0

    @property
    def passes(self) -> bool:
        return (
            self.correct_rate >= MIN_CORRECT
            and self.wrong_rate <= MAX_WRONG
            and self.rejected_rate >= MIN_REJECTED
        )


def load_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return [Case(str(item["q"]), item.get("intent"), str(item["category"])) for item in data]


def evaluate(responder: Responder, cases: list[Case]) -> list[Outcome]:
    outcomes = []
    for case in cases:
        reply = responder.respond(case.question)
        outcomes.append(Outcome(case, reply.status, reply.intent, reply.score))
    return outcomes


def summarize(outcomes: list[Outcome]) -> Summary:
    inside = [o for o in outcomes if o.case.intent is not None]
    outside = [o for o in outcomes if o.case.intent is None]
    return Summary(
        in_scope=len(inside),
        correct=sum(o.verdict == "correct" for o in inside),
        wrong=sum(o.verdict == "wrong" for o in inside),
        out_of_scope=len(outside),
        rejected=sum(o.verdict == "rejected" for o in outside),
    )


def report(name: str, outcomes: list[Outcome], quiet: bool) -> Summary:
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        by_category[o.case.category][o.verdict] += 1
    print(f"== {name}: {len(outcomes)} questions")
    print(
        f"{'category':<15}{'n':>5}{'correct':>9}{'wrong':>7}{'clarify':>9}{'fallback':>10}"
        f"{'rejected':>10}"
    )
    for category in sorted(by_category):
        c = by_category[category]
        n = sum(c.values())
        print(
            f"{category:<15}{n:>5}{c['correct']:>9}{c['wrong']:>7}{c['clarify']:>9}"
            f"{c['fallback']:>10}{c['rejected']:>10}"
        )
    if not quiet:
        for o in outcomes:
            if o.verdict == "wrong":
                label = "out-of-scope answered" if o.case.intent is None else "WRONG"
                print(
                    f"  {label}: {o.case.question!r} → {o.intent} ({o.score:.1f}),"
                    f" expected {o.case.intent}"
                )
        for o in outcomes:
            if o.verdict in ("clarify", "fallback"):
                print(
                    f"  not answered ({o.verdict}): {o.case.question!r} (expected"
                    f" {o.case.intent}, score {o.score:.1f})"
                )
    s = summarize(outcomes)
    print(
        f"in scope: {s.correct}/{s.in_scope} correct ({s.correct_rate:.1%}), {s.wrong} wrong"
        f" ({s.wrong_rate:.1%}); out of scope: {s.rejected}/{s.out_of_scope} not answered"
        f" ({s.rejected_rate:.1%})"
    )
    return s


def sweep_table(responder: Responder, cases: list[Case]) -> None:
    """Accuracy for a grid of (answer, margin) thresholds: the table the defaults were read from."""
    base = responder.kb.settings.thresholds
    print(f"{'answer':>7}{'margin':>7}{'correct':>9}{'wrong':>7}{'rejected':>10}")
    for answer in range(45, 86, 5):
        for margin in (0, 3, 6, 10):
            th = replace(base, answer=answer, margin=margin, clarify=min(base.clarify, answer))
            settings = replace(responder.kb.settings, thresholds=th)
            trial = Responder(replace(responder.kb, settings=settings))
            s = summarize(evaluate(trial, cases))
            print(
                f"{answer:>7}{margin:>7}{s.correct_rate:>9.1%}{s.wrong_rate:>7.1%}"
                f"{s.rejected_rate:>10.1%}"
            )


def run_eval(sets: list[str] | None, sweep: bool = False, quiet: bool = False) -> int:
    try:
        responder = Responder.load()
    except KnowledgeError as error:
        for problem in error.problems:
            print(problem.format(PROJECT_DIR), file=sys.stderr)
        return 1
    paths = [Path(p) for p in sets] if sets else list(DEFAULT_SETS)
    failed = False
    for path in paths:
        cases = load_cases(path)
        if sweep:
            sweep_table(responder, cases)
            continue
        summary = report(path.name, evaluate(responder, cases), quiet)
        if not summary.passes:
            failed = True
            print(
                f"FAIL: thresholds are ≥{MIN_CORRECT:.0%} correct, ≤{MAX_WRONG:.0%} wrong,"
                f" ≥{MIN_REJECTED:.0%} out-of-scope not answered"
            )
    return 1 if failed else 0
