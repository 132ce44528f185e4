"""`python -m bot eval`: accuracy on labelled question sets, by category, with every mistake shown.

A question is correct when it is answered with exactly the facts it asks for (all of them, no
other), wrong when it is answered otherwise — half an answer to "A and B?" is wrong; asking back
or falling back is neither. An out-of-scope question is rejected when it is not answered.
Dialogue turns are asked in one conversation each. A set fails under its thresholds, and when
any reply states a figure that is neither the article's nor a derivation the KB declares.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from bot import startup
from bot.answer import Responder
from bot.conversation import Conversations
from bot.eval_alone import Alone, answered, beyond
from bot.eval_replies import write_rows
from bot.evalsets import Case, EvalSet, EvalSetError, Thresholds, load_set
from bot.kb.evidence import reply_figures
from bot.paths import EVAL_DIR
from bot.values import value_class

DEFAULT_SETS = (EVAL_DIR / "questions.yaml",)


@value_class
class Outcome:
    case: Case
    status: str
    intents: tuple[str, ...]
    score: float
    beyond: tuple[str, ...] = ()  # figures the reply states that the article does not have

    @property
    def answered(self) -> bool:
        return self.status in ("answer", "smalltalk")

    @property
    def intent(self) -> str | None:
        return self.intents[0] if self.intents else None

    @property
    def verdict(self) -> str:
        case = self.case
        if case.out_of_scope:
            return "wrong" if self.answered else "rejected"
        if case.smalltalk:
            return "correct" if self.status == "smalltalk" else self.status_verdict
        if self.answered:
            return "correct" if set(self.intents) == set(case.expect) else "wrong"
        return self.status  # clarify or fallback

    @property
    def status_verdict(self) -> str:
        return "wrong" if self.status == "answer" else self.status


def _rate(hits: int, total: int, empty: float) -> float:
    return hits / total if total else empty


@value_class
class Summary:
    in_scope: int  # single facts (and the first sets' smalltalk intents)
    correct: int
    wrong: int  # among every in-scope question, several facts included
    in_scope_all: int
    out_of_scope: int
    rejected: int
    several: int = 0
    several_correct: int = 0
    smalltalk: int = 0
    smalltalk_correct: int = 0
    followups: int = 0
    followups_correct: int = 0
    beyond: int = 0  # replies stating a figure the article does not have

    @property
    def correct_rate(self) -> float:
        return _rate(self.correct, self.in_scope, 1.0)

    @property
    def wrong_rate(self) -> float:
        return _rate(self.wrong, self.in_scope_all, 0.0)

    @property
    def rejected_rate(self) -> float:
        return _rate(self.rejected, self.out_of_scope, 1.0)

    def failures(self, limits: Thresholds) -> list[str]:
        checks = [
            ("one-fact correct", self.correct_rate, limits.correct, True),
            ("wrong", self.wrong_rate, limits.wrong, False),
            ("out of scope not answered", self.rejected_rate, limits.rejected, True),
            (
                "several facts fully answered",
                _rate(self.several_correct, self.several, 1.0),
                limits.several,
                True,
            ),
            (
                "smalltalk",
                _rate(self.smalltalk_correct, self.smalltalk, 1.0),
                limits.smalltalk,
                True,
            ),
            (
                "follow-ups",
                _rate(self.followups_correct, self.followups, 1.0),
                limits.followups,
                True,
            ),
        ]
        failures = [
            f"{name} {value:.1%} (needs {'≥' if at_least else '≤'}{limit:.0%})"
            for name, value, limit, at_least in checks
            if (value < limit if at_least else value > limit)
        ]
        if self.beyond:
            failures.append(f"{self.beyond} replies state a figure the article does not have")
        return failures


def evaluate(
    responder: Responder,
    cases: Sequence[Case],
    rows: list[dict] | None = None,
    alone: dict[str, Alone] | None = None,
) -> list[Outcome]:
    """Each standalone question on its own; each dialogue's turns in one conversation.
    `rows`, when given, gets each standalone reply as a golden-file row (bot/eval_replies.py);
    `alone` keeps standalone replies and rows across sets (bot/eval_alone.py)."""
    conversations = Conversations(responder, None, "eval")
    allowed = reply_figures(responder.kb)
    alone = {} if alone is None else alone
    outcomes = []
    for case in cases:
        if case.dialogue is None:
            kept = answered(responder, case.question, alone, allowed, rows is not None)
            reply, figures = kept.reply, kept.beyond
            if rows is not None:
                rows.append(dict(kept.row or {}))
        else:
            reply = conversations.ask(f"dialogue-{case.dialogue}", case.question).reply
            figures = beyond(reply, allowed)
        intents = reply.intents or ((reply.intent,) if reply.intent else ())
        outcomes.append(Outcome(case, reply.status, intents, reply.score, figures))
    return outcomes


def summarize(outcomes: list[Outcome]) -> Summary:
    alone = [o for o in outcomes if o.case.dialogue is None]
    single = [o for o in alone if len(o.case.expect) == 1 and not o.case.smalltalk]
    several = [o for o in alone if len(o.case.expect) >= 2]
    followups = [o for o in outcomes if o.case.dialogue is not None and o.case.turn > 0]
    return Summary(
        in_scope=len(single),
        correct=sum(o.verdict == "correct" for o in single),
        wrong=sum(o.verdict == "wrong" for o in single + several),
        in_scope_all=len(single) + len(several),
        out_of_scope=sum(o.case.out_of_scope for o in alone),
        rejected=sum(o.verdict == "rejected" for o in alone),
        several=len(several),
        several_correct=sum(o.verdict == "correct" for o in several),
        smalltalk=sum(o.case.smalltalk for o in alone),
        smalltalk_correct=sum(o.case.smalltalk and o.verdict == "correct" for o in alone),
        followups=len(followups),
        followups_correct=sum(o.verdict in ("correct", "rejected") for o in followups),
        beyond=sum(bool(o.beyond) for o in outcomes),
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
    for o in outcomes:  # shown even when quiet: never acceptable
        if o.beyond:
            print(f"  FIGURE NOT IN THE ARTICLE: {o.case.question!r} → {', '.join(o.beyond)}")
    if not quiet:
        for o in outcomes:
            if o.verdict == "wrong":
                label = "out-of-scope answered" if o.case.out_of_scope else "WRONG"
                print(
                    f"  {label}: {o.case.question!r} → {', '.join(o.intents) or o.status}"
                    f" ({o.score:.1f}), expected {', '.join(o.case.expect) or 'no answer'}"
                )
        for o in outcomes:
            if o.verdict in ("clarify", "fallback"):
                print(
                    f"  not answered ({o.verdict}): {o.case.question!r} (expected"
                    f" {', '.join(o.case.expect)}, score {o.score:.1f})"
                )
    s = summarize(outcomes)
    print(
        f"in scope: {s.correct}/{s.in_scope} correct ({s.correct_rate:.1%}), {s.wrong} wrong"
        f" ({s.wrong_rate:.1%}); out of scope: {s.rejected}/{s.out_of_scope} not answered"
        f" ({s.rejected_rate:.1%})"
    )
    if s.several or s.smalltalk or s.followups:
        print(
            f"several facts: {s.several_correct}/{s.several} fully answered; smalltalk:"
            f" {s.smalltalk_correct}/{s.smalltalk}; follow-up turns: {s.followups_correct}/"
            f"{s.followups} right"
        )
    print(f"figures the article does not have: in {s.beyond} of {len(outcomes)} replies")
    return s


def sweep_table(responder: Responder, cases: Sequence[Case]) -> None:
    """Accuracy for a grid of (answer, margin) thresholds: the table the defaults were read from."""
    base = responder.kb.settings.thresholds
    print(f"{'answer':>7}{'margin':>7}{'correct':>9}{'wrong':>7}{'rejected':>10}")
    for answer in range(45, 86, 5):
        for margin in (0, 3, 6, 10):
            thresholds = replace(
                base, answer=answer, margin=margin, clarify=min(base.clarify, answer)
            )
            settings = replace(responder.kb.settings, thresholds=thresholds)
            trial = Responder(replace(responder.kb, settings=settings))
            s = summarize(evaluate(trial, cases))
            print(
                f"{answer:>7}{margin:>7}{s.correct_rate:>9.1%}{s.wrong_rate:>7.1%}"
                f"{s.rejected_rate:>10.1%}"
            )


def run_eval(
    sets: list[str] | None,
    sweep: bool = False,
    quiet: bool = False,
    replies: str | None = None,
) -> int:
    """Every set is read, and the replies file opened, before the first is scored: a bad
    file is one line and exit 2."""
    paths = [Path(p) for p in sets] if sets else list(DEFAULT_SETS)
    try:
        loaded: list[EvalSet] = [load_set(path) for path in paths]
    except EvalSetError as error:
        raise startup.StartupError([f"error: {error}"]) from None
    with ExitStack() as stack:
        out = stack.enter_context(_open_replies(replies)) if replies else None
        responder = startup.load_responder()
        startup.collect_again()
        failed = False
        alone: dict[str, Alone] = {}
        for evalset in loaded:
            if sweep:
                sweep_table(responder, evalset.cases)
                continue
            rows: list[dict] | None = [] if out else None
            outcomes = evaluate(responder, evalset.cases, rows, alone)
            if out and rows is not None:
                write_rows(out, evalset.path.name, rows)
            summary = report(evalset.path.name, outcomes, quiet)
            failures = summary.failures(evalset.thresholds)
            if failures:
                failed = True
                print("FAIL: " + "; ".join(failures))
    return 1 if failed else 0


def _open_replies(path: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8")  # closed by run_eval's ExitStack
    except OSError as error:
        raise startup.StartupError(
            [f"error: cannot write the replies file {path}: {error.strerror}"]
        ) from None
