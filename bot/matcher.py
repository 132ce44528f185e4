"""Question → intents ranked by a calibrated score (0–100). Knows nothing of any front end.

Why not WRatio on whole strings: Vietnamese words are one or two short syllables, so partial
string matching rewards a single shared syllable ("cấp" in "cao cấp" and "trung cấp"). Instead:

* each question word is matched to the knowledge base's words (bot/lexicon.py: exact, diacritics
  left out, telex, or a typo), and adjacent words form bigrams ("cấp huyện" vs "cấp xã");
* every word weighs by how rare it is across intents (IDF); a word the knowledge base has never
  seen weighs like the rarest one, so "cán bộ nữ" is not "cán bộ";
* score = (share of the question the intent explains) ^ q × (share of its best phrasing the
  question contains) ^ (1 − q), × 100, read from the postings of bot/index.py."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from bot.coverage import Coverage, Feature
from bot.index import Index, IntentText, bigrams, build_index
from bot.kb import Intent, KnowledgeBase, Weights
from bot.lexicon import Lexicon
from bot.match_result import Candidate, Match
from bot.neighbour_pairs import confirm_by_neighbours
from bot.normalize import Normalized, fold, normalize
from bot.phrases import has_phrase
from bot.recent import ByValue
from bot.rounding import rounded_to_article
from bot.shortlist import Positions, ranked, shortlist
from bot.slots import Slots
from bot.unknown_numbers import names_unknown_number
from bot.values import value_class


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: kept pairs key on it
class _Word:
    """A question word's feature, and what it offers bigrams: its 4 best matches, its weight."""

    feature: Feature
    side: tuple[tuple[tuple[str, float], ...], float]
    typed: tuple[str, str]  # the word as typed, and folded


@value_class
class _Token:
    """A question token: its words (two when typed joined, "thacsi"), whether it names
    something (not filler, not context) and whether it is a question word."""

    words: tuple[_Word, ...]
    content: bool
    asks: bool


_WORDS = 20_000  # question words kept with their features (a few hundred bytes to a few KB)
_MATCHES = 8192  # texts kept with their candidates (~1 KB each)
_DECIMALS = 6  # scores are rounded so that float noise never shows (100.00000044 is 100)
_MARGIN = 1 + 1e-9  # a phrasing coverage may pass 1 by float noise in its sums (~1e-15)


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
        as_typed = {normalize(w, tables).text for w in kb.settings.filler_as_typed}
        filler = {normalize(w, tables).text for w in kb.settings.filler} | as_typed
        self._context = {normalize(w, tables).text for w in kb.settings.context}
        asking = [normalize(w, tables) for w in kb.settings.question_words]
        self.question_words = {t for n in asking for t in n.folded}  # typed bare: any fold
        self._question_written = {t.lower() for n in asking for t in n.tokens}
        fixed = {normalize(w, tables).text: self.weights.courtesy for w in kb.settings.courtesy}
        fixed |= dict.fromkeys(filler | self._context, self.weights.filler)

        self._intents = tuple(kb.intents)
        # `needs` as phrases, read once (a word with diacritics is compared as written)
        self._needs = {
            i.id: tuple(tuple(w.lower() for w in n.split()) for n in i.needs)
            for i in self._intents
            if i.needs
        }
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
            as_typed,
        )
        self.slots = Slots(kb, self._intents, self.lexicon)
        self.coverage = Coverage(self.index, self.weights.answer_words)
        self._tokens = lru_cache(maxsize=_WORDS)(self._token)
        self._bigrams = lru_cache(maxsize=_WORDS)(self._bigram)
        self._scored: ByValue[tuple, tuple[tuple[Candidate, ...], bool]] = ByValue(_MATCHES)

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

    def features(self, question: Normalized) -> tuple[list[Feature], bool, bool]:
        """Per question word or bigram: its weight and the KB features it may be (similarity);
        whether the question names nothing but question words ("bao nhiêu?"), and whether it
        names anything besides them."""
        sides: list[_Word] = []
        content = asks = 0
        for word, folded in zip(question.tokens, question.folded, strict=True):
            token = self._tokens(word, folded)
            sides.extend(token.words)
            content += token.content
            asks += token.content and token.asks
        confirm_by_neighbours(sides, self.lexicon, self._reading)
        features = [side.feature for side in sides]
        for left, right in pairwise(sides):
            bigram = self._bigrams(left, right)
            if bigram is not None:
                features.append(bigram)
        return features, bool(content) and asks == content, content > asks

    def _bigram(self, left: _Word, right: _Word) -> Feature | None:
        """Two adjacent question words as a bigram of the KB, if they may be one (kept per pair
        of words, as the words are)."""
        w, knows = self.weights, self.lexicon.knows
        (left_top, lw), (right_top, rw) = left.side, right.side
        if not left_top or not right_top or min(lw, rw) <= w.courtesy:
            return None
        pairs: dict[str, float] = {}
        for a, sa in left_top:
            for b, sb in right_top:
                bigram = f"{a} {b}"
                if knows(bigram):
                    pairs[bigram] = max(pairs.get(bigram, 0.0), sa * sb)
        if pairs:
            best = max(pairs, key=pairs.__getitem__)
            bare = self.lexicon.bare(*left.typed) and self.lexicon.bare(*right.typed)
            if bare and len(pairs) == 1 and pairs[best] >= w.folded**2 - 1e-9:
                pairs = {best: 1.0}  # typed bare, one KB bigram only: "cap xa" is "cấp xã"
            return self.coverage.feature(self.lexicon.idf(best), pairs)
        if w.unseen_bigram > 0:
            # word order carries meaning: "dân số" is not "số" + "dân"
            return self.coverage.feature(w.unseen_bigram * (lw + rw) / 2, {})
        return None

    def _reading(self, word: str) -> _Word:
        """A KB word, as the question word read so ("viem" read as viên)."""
        return self._tokens(word, fold(word, self.kb.tables)).words[0]

    def _token(self, word: str, folded: str) -> _Token:
        """One question word as every question reads it (kept per word: users repeat words)."""
        lexicon = self.lexicon
        content = not lexicon.is_filler(word, folded) and word not in self._context
        # typed with diacritics, as written: "báo" (newspaper) is no "bao" (nhiêu)
        asks = word in (self._question_written if word != folded else self.question_words)
        if (
            not word[:1].isdigit()
            and not lexicon.has_fold(folded)
            and len(folded) >= 4
            and not _swapped(lexicon, folded)  # ("vein" is viên, two letters swapped: no "về in")
            and (parts := lexicon.split_joined(folded))
        ):
            return _Token(tuple(self._word(p, p) for p in parts), content, asks)
        return _Token((self._word(word, folded),), content, asks)

    def _word(self, word: str, folded: str) -> _Word:
        lexicon, w = self.lexicon, self.weights
        if lexicon.is_filler(word, folded):  # filler offers no matches to bigrams
            matches = lexicon.matches(word, folded) if lexicon.knows(word) else {}
            return _Word(self.coverage.feature(w.filler, matches), ((), w.filler), (word, folded))
        matches = lexicon.matches(word, folded)
        unknown_weight = w.unknown * lexicon.max_idf
        weight = unknown_weight
        if matches:
            # an uncertain match (typo, other diacritics) is partly an unknown word
            best = max(matches, key=matches.__getitem__)
            sim = matches[best]
            weight = sim * lexicon.word_weight(best) + (1 - sim) * unknown_weight
        top = tuple(sorted(matches.items(), key=lambda kv: -kv[1])[:4])
        return _Word(self.coverage.feature(weight, matches), (top, weight), (word, folded))

    # ------------------------------------------------------------ slots and numbers

    def slot_values(self, question: Normalized) -> dict[str, set[str]]:
        """Which value of each slot the question names ("cấp xã" → level=commune)."""
        return self.slots.values(question)

    def names_a_value(self, question: Normalized) -> bool:
        """Whether the question names a slot value (a course, a level), not only what it asks."""
        return any(slot != "ask" for slot in self.slots.values(question))

    # ------------------------------------------------------------ scoring
    def match(self, text: str, limit: int = 10) -> Match:
        """The `limit` best intents for `text` (any string), best first."""
        return self.match_read(self.read(text), limit)

    def read(self, text: str, normalized: Normalized | None = None) -> Normalized:
        """`text` as the matcher reads it: all a match depends on (texts read alike match alike);
        `normalized`: normalize(text), when worked out before."""
        words = normalize(text, self.kb.tables) if normalized is None else normalized
        return rounded_to_article(words, self.kb)

    def match_read(self, question: Normalized, limit: int = 10) -> Match:
        """The `limit` best intents for a question `read` from its text, best first (scored once
        per words: clauses and follow-ups recur), in a new Match: callers key on its identity."""
        key = (question.tokens, question.folded, limit)
        return Match(question, *self._scored.get(key, lambda: self._ranked(question, limit)))

    def _ranked(self, question: Normalized, limit: int) -> tuple[tuple[Candidate, ...], bool]:
        features, bare, names = self.features(question)
        total = sum(f.weight for f in features)
        meaningful = any(f.weight > self.weights.filler for f in features)
        if not features or total <= 0 or not meaningful:
            return (), False

        intents, question_coverage, present = self.coverage.question(features, total)
        share = self.weights.question_share
        named, softly = self.slots.named(question), self.slots.softly(question)
        penalties = self.slots.penalties(named, softly) if named or softly else None
        unknown = names_unknown_number(question, self.kb)  # "có 500 người …": another's

        lifted = question_coverage**share  # its factor, worked out once for every intent

        def scored(positions: Positions, phrasing: np.ndarray | float) -> np.ndarray:
            """The scores of intents[positions], their phrasing coverage's factor given."""
            scores = 100 * lifted[positions] * phrasing
            if penalties is not None:
                scores *= penalties[intents[positions]]
            if unknown:
                scores *= self.weights.unknown_number
            return np.minimum(scores.round(_DECIMALS), 100.0)

        phrasings = self.coverage.phrasings(present)

        def score(positions: Positions) -> np.ndarray:
            return scored(positions, phrasings(intents[positions]) ** (1 - share))

        def bounds() -> np.ndarray:  # the factor is at most the ceiling's, ×: float noise
            return scored(slice(None), phrasings.ceilings()[intents] ** (1 - share) * _MARGIN)

        if 0 <= share <= 1:
            kept, scores = shortlist(len(intents), bounds, score, limit, phrasings.work)
        else:  # a smaller phrasing coverage would raise the score: no bound
            kept, scores = slice(None), score(slice(None))
        kb_intents = self._intents
        candidates = tuple(
            Candidate(kb_intents[i], score)
            for i, score in ranked(intents[kept], scores, limit)
            if not (names and kb_intents[i].needs) or self.needs_met(kb_intents[i], question)
        )
        return candidates, bare

    def needs_met(self, intent: Intent, question: Normalized) -> bool:
        """One of the intent's `needs` in the question ("bạn", "bot"), as written when written
        with diacritics."""
        return has_phrase(question.folded, self._needs[intent.id], question.tokens)


def _swapped(lexicon: Lexicon, folded: str) -> bool:
    """A KB word with two adjacent letters swapped ("vein", "trna"): a slip, not two words."""
    return any(
        lexicon.has_fold(folded[:i] + folded[i + 1] + folded[i] + folded[i + 2 :])
        for i in range(len(folded) - 1)
    )
