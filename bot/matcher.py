"""Question → intents ranked by a calibrated score (0–100). Knows nothing of any front end.

Why not WRatio on whole strings: Vietnamese words are one or two short syllables, so partial
string matching rewards a single shared syllable ("cấp" in "cao cấp" and "trung cấp"). Instead:

* each question word is matched to the knowledge base's words (bot/lexicon.py: exact, diacritics
  left out, telex, or a typo), and adjacent words form bigrams ("cấp huyện" vs "cấp xã");
* every word weighs by how rare it is across intents (IDF); a word the knowledge base has never
  seen weighs like the rarest one, so "cán bộ nữ" is not "cán bộ";
* score = (share of the question the intent explains) ^ q × (share of its best phrasing the
  question contains) ^ (1 − q), × 100, read from the postings of bot/index.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from bot.coverage import coverage
from bot.index import Index, IntentText, bigrams, build_index
from bot.kb import Intent, KnowledgeBase, Weights
from bot.lexicon import Lexicon
from bot.normalize import Normalized, normalize
from bot.slots import Slots


@dataclass(frozen=True, slots=True)
class Candidate:
    intent: Intent
    score: float


@dataclass(frozen=True, slots=True)
class Match:
    """The ranked candidates for one question, with what the decision needs to know."""

    question: Normalized
    candidates: tuple[Candidate, ...]
    only_question_words: bool = False  # "bao nhiêu?", "how many": nothing to answer about


_ROUNDING = 0.05  # "gần 2000" is 1.999: a rounded number within this share of an article figure
_DECIMALS = 6  # scores are rounded so that float noise never shows (100.00000044 is 100)


class Matcher:
    """Built once from the knowledge base; `match` is pure and safe to call concurrently."""

    def __init__(
        self,
        kb: KnowledgeBase,
        index: Index | None = None,
        folds: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """`index` and `folds`: as built before for this KB (bot/cache.py), else built here."""
        self.kb = kb
        self.weights: Weights = kb.settings.weights
        tables = kb.tables
        filler = {normalize(w, tables).text for w in kb.settings.filler}
        self._context = {normalize(w, tables).text for w in kb.settings.context}
        self._question_words = {
            t for w in kb.settings.question_words for t in normalize(w, tables).folded
        }
        fixed = {normalize(w, tables).text: self.weights.courtesy for w in kb.settings.courtesy}
        fixed |= dict.fromkeys(filler | self._context, self.weights.filler)

        self._intents = tuple(kb.intents)
        if index is None:
            index = build_index(
                self._texts(), fixed, courtesy=self.weights.courtesy, filler=self.weights.filler
            )
        self.index: Index = index
        self.lexicon = Lexicon(
            self.index.ids,
            self.index.idf,
            self.index.max_idf,
            self.weights,
            tables,
            fixed,
            filler,
            folds,
        )
        self.slots = Slots(kb, self._intents, self.lexicon)

    def _texts(self) -> Iterator[IntentText]:
        """Each intent's texts, normalized one intent at a time (never all tokens at once)."""
        tables = self.kb.tables
        for intent in self._intents:
            words: set[str] = set()
            for text in (intent.answer, *intent.evidence):
                tokens = normalize(text, tables).tokens
                words.update(tokens)
                words.update(bigrams(tokens))
            yield IntentText(
                [normalize(p, tables).tokens for p in (intent.question, *intent.phrasings)],
                normalize(intent.answer, tables).tokens,
                words,
            )

    # ------------------------------------------------------------ question features

    def _features(self, question: Normalized) -> list[tuple[float, Mapping[str, float]]]:
        """Per question word or bigram: its weight, and the KB features it may be (similarity)."""
        lexicon, w = self.lexicon, self.weights
        words: list[tuple[str, str]] = []
        for word, folded in zip(question.tokens, question.folded, strict=True):
            if (
                not word[:1].isdigit()
                and not lexicon.has_fold(folded)
                and len(folded) >= 4
                and (parts := lexicon.split_joined(folded))
            ):
                words.extend((p, p) for p in parts)
            else:
                words.append((word, folded))

        features: list[tuple[float, Mapping[str, float]]] = []
        kept: list[tuple[Mapping[str, float], float]] = []  # filler keeps no matches for bigrams
        unknown_weight = w.unknown * lexicon.max_idf
        for word, folded in words:
            if lexicon.is_filler(word, folded):
                matches = lexicon.matches(word, folded) if lexicon.knows(word) else {}
                features.append((w.filler, matches))
                kept.append(({}, w.filler))
                continue
            matches = lexicon.matches(word, folded)
            weight = unknown_weight
            if matches:
                # an uncertain match (typo, other diacritics) is partly an unknown word
                best = max(matches, key=matches.__getitem__)
                sim = matches[best]
                weight = sim * lexicon.word_weight(best) + (1 - sim) * unknown_weight
            features.append((weight, matches))
            kept.append((matches, weight))

        for (left, lw), (right, rw) in pairwise(kept):
            if not left or not right or min(lw, rw) <= w.courtesy:
                continue
            pairs: dict[str, float] = {}
            for a, sa in sorted(left.items(), key=lambda kv: -kv[1])[:4]:
                for b, sb in sorted(right.items(), key=lambda kv: -kv[1])[:4]:
                    bigram = f"{a} {b}"
                    if lexicon.knows(bigram):
                        pairs[bigram] = max(pairs.get(bigram, 0.0), sa * sb)
            if pairs:
                best = max(pairs, key=pairs.__getitem__)
                features.append((lexicon.idf(best), pairs))
            elif w.unseen_bigram > 0:
                # word order carries meaning: "dân số" is not "số" + "dân"
                features.append((w.unseen_bigram * (lw + rw) / 2, {}))
        return features

    # ------------------------------------------------------------ slots and numbers

    def slot_values(self, question: Normalized) -> dict[str, set[str]]:
        """Which value of each slot the question names ("cấp xã" → level=commune)."""
        return self.slots.values(question)

    def _rounded_to_article(self, question: Normalized) -> Normalized:
        """ "gần 2000 cán bộ" names the article's 1.999: a number after a word that rounds it,
        within 5 % of one of the article's figures, is read as that figure."""
        tokens = list(question.tokens)
        before = ("", *question.folded)
        for i, (cue, word) in enumerate(zip(before, question.tokens, strict=False)):
            if cue not in self.kb.settings.approximate_cues or not word.isdigit():
                continue
            if word in self.kb.article_numbers:
                continue
            near = self._nearest_article_number(float(word))
            if near is not None:
                tokens[i] = near
        if tokens == list(question.tokens):
            return question
        return Normalized(
            tuple(tokens),
            tuple(
                t if t[:1].isdigit() else f for t, f in zip(tokens, question.folded, strict=True)
            ),
        )

    def _nearest_article_number(self, value: float) -> str | None:
        near = [
            (abs(float(n) - value), n)
            for n in self.kb.article_numbers
            if n.replace(".", "", 1).isdigit()
            and abs(float(n) - value) <= _ROUNDING * max(abs(float(n)), 1.0)
        ]
        return min(near)[1] if near else None

    # ------------------------------------------------------------ scoring

    def match(self, text: str, limit: int = 10) -> Match:
        """The `limit` best intents for `text` (any string), best first."""
        question = self._rounded_to_article(normalize(text, self.kb.tables))
        features = self._features(question)
        total = sum(weight for weight, _ in features)
        meaningful = any(weight > self.weights.filler for weight, _ in features)
        if not features or total <= 0 or not meaningful:
            return Match(question, ())

        intents, question_coverage, phrasing_coverage = coverage(
            self.index, features, total, self.weights.answer_words
        )
        share = self.weights.question_share
        scores = 100 * question_coverage**share * phrasing_coverage ** (1 - share)
        scores *= self.slots.factors(self.slot_values(question), intents)
        if any(w[:1].isdigit() and w not in self.kb.article_numbers for w in question.tokens):
            scores *= self.weights.unknown_number
        scores = np.minimum(np.round(scores, _DECIMALS), 100.0)
        candidates = tuple(
            Candidate(self._intents[intents[i]], float(scores[i]))
            for i in _best(intents, scores, limit)
        )
        content = [
            folded
            for word, folded in zip(question.tokens, question.folded, strict=True)
            if not self.lexicon.is_filler(word, folded) and word not in self._context
        ]
        bare = bool(content) and all(w in self._question_words for w in content)
        return Match(question, candidates, bare)


def _best(intents: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the `limit` best scores, best first, ties in KB order.

    As if every intent of the KB were ranked (score descending, KB order among equals) and the
    first `limit` kept, then those no question word reaches dropped: an intent scoring 0 stays
    only when fewer than `limit` intents rank before it.
    """
    positive = np.flatnonzero(scores > 0)
    if len(positive) > limit:
        cut = np.partition(scores[positive], len(positive) - limit)[len(positive) - limit]
        positive = positive[scores[positive] >= cut]  # ties at the cut stay, KB order decides
    ranked = positive[np.lexsort((intents[positive], -scores[positive]))][:limit]
    room = limit - len(ranked)  # what the positive ones leave (all of them are in `ranked`)
    if room <= 0:
        return ranked
    zero = np.flatnonzero(scores <= 0)
    # a zero-score intent ranks after every positive one and the zero ones before it in KB order
    before = intents[zero] - np.searchsorted(intents[scores > 0], intents[zero])
    return np.concatenate([ranked, zero[before < room]])
