"""Question → intents ranked by a calibrated score (0–100). Knows nothing of any front end.

Why not WRatio on whole strings: Vietnamese words are one or two short syllables, so partial
string matching rewards a single shared syllable ("cấp" in "cao cấp" and "trung cấp"). Instead:

* each question word is matched to the knowledge base's words with rapidfuzz (exact, diacritics
  left out, or a typo), and adjacent words form bigrams ("cấp huyện" vs "cấp xã");
* every word weighs by how rare it is across intents (IDF); a word the knowledge base has never
  seen weighs like the rarest one, so "cán bộ nữ" is not "cán bộ";
* score = (share of the question the intent explains) ^ q × (share of its best phrasing the
  question contains) ^ (1 − q), × 100.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz, process

from bot.kb import Intent, KnowledgeBase, Weights
from bot.normalize import Normalized, decode_telex, fold, normalize, split_tone


@dataclass(frozen=True, slots=True)
class Candidate:
    intent: Intent
    score: float


@dataclass(frozen=True, slots=True)
class Match:
    """The ranked candidates for one question, with what the decision needs to know."""

    question: Normalized
    candidates: tuple[Candidate, ...]
    unknown_words: tuple[str, ...]
    only_question_words: bool = False  # "bao nhiêu?", "how many": nothing to answer about


@dataclass(frozen=True, slots=True)
class _Feature:
    """One question word or bigram: how much it weighs, and which KB features it may be."""

    weight: float
    matches: Mapping[str, float]


class _Postings:
    """An inverted index: feature → (row ids, weights), built once, read as numpy arrays."""

    def __init__(self) -> None:
        self._building: dict[str, dict[int, float]] = defaultdict(dict)
        self.rows: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def add(self, feature: str, row: int, weight: float = 1.0) -> None:
        cell = self._building[feature]
        cell[row] = cell.get(row, 0.0) + weight

    def freeze(self) -> _Postings:
        self.rows = {
            f: (np.fromiter(cell, np.int32), np.fromiter(cell.values(), float))
            for f, cell in self._building.items()
        }
        self._building = defaultdict(dict)
        return self


_DENSE_CELLS = 20_000_000  # above this many matrix cells (80 MB) only the postings are kept


@dataclass(frozen=True, slots=True)
class _Dense:
    index: Mapping[str, int]  # KB feature → matrix row
    explains: np.ndarray  # feature × intent: 1 in a phrasing, answer_words in the answer only
    phrasing_weights: np.ndarray  # feature × phrasing: the feature's weight in the phrasing
    answer_weights: np.ndarray  # feature × intent: its weight in the intent's answer


_UNIT_WINDOW = 5  # words after "bao nhiêu" in which the counted unit may stand


def _bigrams(tokens: Sequence[str]) -> list[str]:
    return [f"{a} {b}" for a, b in pairwise(tokens)]


class Matcher:
    """Built once from the knowledge base; `match` is pure and safe to call concurrently."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.weights: Weights = kb.settings.weights
        tables = kb.tables
        self._filler = {normalize(w, tables).text for w in kb.settings.filler}
        self._courtesy = {normalize(w, tables).text for w in kb.settings.courtesy}
        self._context = {normalize(w, tables).text for w in kb.settings.context}
        self._units = {normalize(w, tables).folded for w in kb.settings.units}
        self._question_words = {
            t for w in kb.settings.question_words for t in normalize(w, tables).folded
        }
        self._filler_folded = {fold(w, tables) for w in self._filler}

        texts: dict[str, list[tuple[str, ...]]] = {}
        answer_words: dict[str, set[str]] = {}
        answers: dict[str, tuple[str, ...]] = {}
        for intent in kb.intents:
            texts[intent.id] = [
                normalize(p, tables).tokens for p in (intent.question, *intent.phrasings)
            ]
            answers[intent.id] = normalize(intent.answer, tables).tokens
            words: set[str] = set()
            for text in (intent.answer, *intent.evidence):
                tokens = normalize(text, tables).tokens
                words.update(tokens)
                words.update(_bigrams(tokens))
            answer_words[intent.id] = words

        document_frequency: dict[str, int] = defaultdict(int)
        vocabularies: dict[str, frozenset[str]] = {}
        for intent_id, phrasings in texts.items():
            vocabulary = frozenset(
                f for tokens in phrasings for f in (*tokens, *_bigrams(tokens))
            ) | {w for w in answers[intent_id] if w[:1].isdigit()}  # its figures are its own
            vocabularies[intent_id] = vocabulary
            for feature in vocabulary | answer_words[intent_id]:
                document_frequency[feature] += 1
        count = len(kb.intents)
        self._idf = {f: math.log((count + 1) / (df + 0.5)) for f, df in document_frequency.items()}
        self._max_idf = math.log((count + 1) / 1.5)

        self._words = sorted({f for f in document_frequency if " " not in f})
        self._by_fold: dict[str, list[str]] = defaultdict(list)
        for word in self._words:
            self._by_fold[fold(word, tables)].append(word)
        self._folds = sorted(self._by_fold)

        self._intents = tuple(kb.intents)
        self._cached_word_matches = lru_cache(maxsize=100_000)(self._match_word)
        self._build_index(texts, answers, vocabularies, answer_words)

    def _build_index(
        self,
        texts: Mapping[str, list[tuple[str, ...]]],
        answers: Mapping[str, tuple[str, ...]],
        vocabularies: Mapping[str, frozenset[str]],
        answer_words: Mapping[str, set[str]],
    ) -> None:
        """Inverted indexes, so a question touches only the phrasings that share its words."""
        self._in_vocabulary, self._in_answer = _Postings(), _Postings()
        self._phrasing_postings, self._answer_postings = _Postings(), _Postings()
        totals: list[float] = []
        starts: list[int] = []
        answer_totals: list[float] = []
        for row, intent in enumerate(self._intents):
            for feature in vocabularies[intent.id]:
                self._in_vocabulary.add(feature, row)
            for feature in answer_words[intent.id] - vocabularies[intent.id]:
                self._in_answer.add(feature, row)
            starts.append(len(totals))
            for tokens in texts[intent.id]:
                totals.append(self._index_phrasing(tokens, len(totals), self._phrasing_postings))
            answer = self._index_phrasing(answers[intent.id], row, self._answer_postings)
            answer_totals.append(answer)
        for postings in (
            self._in_vocabulary,
            self._in_answer,
            self._phrasing_postings,
            self._answer_postings,
        ):
            postings.freeze()
        self._phrasing_totals = np.array(totals)
        self._phrasing_starts = np.array(starts)
        self._answer_totals = np.array(answer_totals)
        self._slot_tables = self._build_slot_tables()
        self._dense = self._build_dense()

    def _build_dense(self) -> _Dense | None:
        """The same indexes as dense feature × row matrices, when they are small enough.

        A question then costs a fixed handful of numpy calls, whatever its length: what keeps
        the article's KB well under a millisecond. Large KBs use the postings alone.
        """
        features = sorted(
            set(self._in_vocabulary.rows)
            | set(self._in_answer.rows)
            | set(self._phrasing_postings.rows)
            | set(self._answer_postings.rows)
        )
        count, phrasings = len(self._intents), len(self._phrasing_totals)
        if len(features) * (2 * count + phrasings) > _DENSE_CELLS:
            return None
        index = {f: i for i, f in enumerate(features)}
        explains = np.zeros((len(features), count), np.float32)
        phrasing_weights = np.zeros((len(features), phrasings), np.float32)
        answer_weights = np.zeros((len(features), count), np.float32)
        for postings, matrix, factor in (
            (self._in_answer, explains, self.weights.answer_words),
            (self._in_vocabulary, explains, 1.0),  # after the answers: a phrasing word wins
            (self._phrasing_postings, phrasing_weights, None),
            (self._answer_postings, answer_weights, None),
        ):
            for feature, (rows, weights) in postings.rows.items():
                matrix[index[feature], rows] = weights if factor is None else factor
        return _Dense(index, explains, phrasing_weights, answer_weights)

    def _index_phrasing(self, tokens: Sequence[str], row: int, postings: _Postings) -> float:
        total = 0.0
        for feature in (*tokens, *_bigrams(tokens)):
            bigram = " " in feature
            weight = self._bigram_weight(feature) if bigram else self._word_weight(feature)
            postings.add(feature, row, weight)
            total += weight
        return total or 1.0

    def _build_slot_tables(self) -> dict[str, tuple[np.ndarray, dict[str, np.ndarray]]]:
        """Per slot: which intents declare it, and which allow each value."""
        tables: dict[str, tuple[np.ndarray, dict[str, np.ndarray]]] = {}
        for slot in self.kb.settings.slots:
            declares = np.array([slot.name in i.slots for i in self._intents])
            allows = {
                value: np.array([value in i.slots.get(slot.name, ()) for i in self._intents])
                for value in slot.declared
            }
            tables[slot.name] = (declares, allows)
        return tables

    # ------------------------------------------------------------ weights

    def _word_weight(self, word: str) -> float:
        if word in self._filler or word in self._context:
            return self.weights.filler
        if word in self._courtesy:
            return self.weights.courtesy
        return self._idf.get(word, self._max_idf)

    def _bigram_weight(self, bigram: str) -> float:
        first, second = bigram.split(" ")
        if (
            self._word_weight(first) <= self.weights.courtesy
            or self._word_weight(second) <= self.weights.courtesy
        ):
            return self.weights.filler
        return self._idf.get(bigram, self._max_idf)

    # ------------------------------------------------------------ words

    def _is_filler(self, word: str, folded: str) -> bool:
        if word in self._filler:
            return True
        return word == folded and folded in self._filler_folded and word not in self._idf

    def _word_matches(self, word: str, folded: str) -> dict[str, float]:
        """KB words this question word may be, with a similarity in 0–1 (cached: users repeat)."""
        return self._cached_word_matches(word, folded)

    def _match_word(self, word: str, folded: str) -> dict[str, float]:
        w = self.weights
        if word[:1].isdigit():
            return {word: 1.0} if word in self._idf else {}
        same_fold = self._by_fold.get(folded)
        if same_fold:
            if word == folded:  # typed without any diacritics
                return {v: 1.0 if v == word else w.folded for v in same_fold}
            typed = _marks(word)
            return {
                v: 1.0 if v == word else (w.partial_marks if typed <= _marks(v) else w.wrong_marks)
                for v in same_fold
            }
        telex = decode_telex(word, self.kb.tables)
        if telex is not None:
            decoded = {
                v: w.folded
                for v in self._by_fold.get(fold(telex[0], self.kb.tables), ())
                if split_tone(v) == telex
            }
            if decoded:
                return decoded
        if len(folded) < 3:
            return {}
        found: dict[str, float] = {}
        for candidate, ratio, _ in process.extract(
            folded, self._folds, scorer=fuzz.ratio, score_cutoff=w.fuzzy_cutoff, limit=3
        ):
            for v in self._by_fold[candidate]:
                found[v] = max(found.get(v, 0.0), w.fuzzy * ratio / 100)
        return found

    def _split_joined(self, folded: str) -> tuple[str, str] | None:
        """'thacsi' → ('thac', 'si'): people on phones drop spaces."""
        for cut in range(2, len(folded) - 1):
            left, right = folded[:cut], folded[cut:]
            if left in self._by_fold and right in self._by_fold:
                return left, right
        return None

    def _features(self, question: Normalized) -> tuple[list[_Feature], list[str]]:
        words: list[tuple[str, str]] = []
        for word, folded in zip(question.tokens, question.folded, strict=True):
            if (
                not word[:1].isdigit()
                and folded not in self._by_fold
                and len(folded) >= 4
                and (parts := self._split_joined(folded))
            ):
                words.extend((p, p) for p in parts)
            else:
                words.append((word, folded))

        features: list[_Feature] = []
        unknown: list[str] = []
        kept: list[tuple[dict[str, float] | None, float]] = []
        for word, folded in words:
            if self._is_filler(word, folded):
                matches = self._word_matches(word, folded) if word in self._idf else {}
                features.append(_Feature(self.weights.filler, matches))
                kept.append((None, self.weights.filler))
                continue
            matches = self._word_matches(word, folded)
            unknown_weight = self.weights.unknown * self._max_idf
            if matches:
                # an uncertain match (typo, other diacritics) is partly an unknown word
                best = max(matches, key=matches.__getitem__)
                sim = matches[best]
                weight = sim * self._word_weight(best) + (1 - sim) * unknown_weight
            else:
                weight = unknown_weight
                unknown.append(word)
            features.append(_Feature(weight, matches))
            kept.append((matches, weight))

        for (left, lw), (right, rw) in pairwise(kept):
            if not left or not right or min(lw, rw) <= self.weights.courtesy:
                continue
            pairs: dict[str, float] = {}
            for a, sa in sorted(left.items(), key=lambda kv: -kv[1])[:4]:
                for b, sb in sorted(right.items(), key=lambda kv: -kv[1])[:4]:
                    bigram = f"{a} {b}"
                    if bigram in self._idf:
                        pairs[bigram] = max(pairs.get(bigram, 0.0), sa * sb)
            if pairs:
                best = max(pairs, key=pairs.__getitem__)
                features.append(_Feature(self._idf[best], pairs))
            elif self.weights.unseen_bigram > 0:
                # word order carries meaning: "dân số" is not "số" + "dân"
                features.append(_Feature(self.weights.unseen_bigram * (lw + rw) / 2, {}))
        return features, unknown

    # ------------------------------------------------------------ scoring

    def slot_values(self, question: Normalized) -> dict[str, set[str]]:
        """Which value of each slot the question names ("cấp xã" → level=commune)."""
        folded = question.folded_text
        found: dict[str, set[str]] = {}
        for slot in self.kb.settings.slots:
            for hit in slot.pattern.finditer(folded):
                found.setdefault(slot.name, set()).add(slot.values[hit.lastgroup or ""])
        if "count" in found.get("ask", ()) and self._counts_something_else(question):
            found["ask"] = (found["ask"] - {"count"}) | {"count_other"}
        return found

    def _counts_something_else(self, question: Normalized) -> bool:
        """'bao nhiêu xã', 'mấy tuổi': the word after the count is none of the article's units."""
        words = question.folded
        for i, word in enumerate(words):
            cue = word == "may" or (word == "nhieu" and i > 0 and words[i - 1] == "bao")
            if not cue or i + 1 >= len(words):
                continue
            after, accented = words[i + 1], question.tokens[i + 1]
            if after[:1].isdigit() or self._is_filler(accented, after) or accented in self._context:
                continue
            if after not in self._by_fold:
                continue  # an unknown word may be a unit mistyped: no judgement
            # English puts modifiers first ("how many key officials"): look a few words on
            if not any(
                words[j : j + len(unit)] == unit
                for unit in self._units
                for j in range(i + 1, min(i + 1 + _UNIT_WINDOW, len(words)))
            ):
                return True
        return False

    def _coverage_sparse(
        self, features: list[_Feature], total: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """(question coverage, phrasing coverage) per intent, from the postings."""
        count = len(self._intents)
        answer_factor = self.weights.answer_words
        # Gather every (question feature, KB feature, similarity) once, then let numpy do the
        # per-intent work in a handful of calls: a question touches only the postings it shares.
        present: dict[str, float] = {}
        cells: list[np.ndarray] = []  # flat (question feature × intent) indexes
        values: list[np.ndarray] = []
        for position, feature in enumerate(features):
            offset = position * count
            for kb_feature, sim in feature.matches.items():
                if sim > present.get(kb_feature, 0.0):
                    present[kb_feature] = sim
                for postings, factor in (
                    (self._in_vocabulary, 1.0),
                    (self._in_answer, answer_factor),
                ):
                    rows = postings.rows.get(kb_feature)
                    if rows is not None:
                        cells.append(rows[0] + offset)
                        values.append(np.full(len(rows[0]), sim * factor))
        best = np.zeros(len(features) * count)
        if cells:
            np.maximum.at(best, np.concatenate(cells), np.concatenate(values))
        weights = np.fromiter((f.weight for f in features), float, len(features))
        question_coverage = weights @ best.reshape(len(features), count) / total

        # how much of each intent's best phrasing (or of its answer) the question contains
        phrasing_sum = self._accumulate(
            self._phrasing_postings, present, len(self._phrasing_totals)
        )
        answer_sum = self._accumulate(self._answer_postings, present, count)
        phrasing_coverage = np.maximum(
            np.maximum.reduceat(phrasing_sum / self._phrasing_totals, self._phrasing_starts),
            answer_factor * answer_sum / self._answer_totals,
        )
        return question_coverage, phrasing_coverage

    def _coverage_dense(
        self, features: list[_Feature], total: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """The same as _coverage_sparse, from the dense matrices."""
        dense = self._dense
        assert dense is not None
        answer_factor = self.weights.answer_words
        present: dict[str, float] = {}
        rows: list[int] = []
        sims: list[float] = []
        starts: list[int] = []
        group_weights: list[float] = []
        for feature in features:
            first = len(rows)
            for kb_feature, sim in feature.matches.items():
                if sim > present.get(kb_feature, 0.0):
                    present[kb_feature] = sim
                row = dense.index.get(kb_feature)
                if row is not None:
                    rows.append(row)
                    sims.append(sim)
            if len(rows) > first:
                starts.append(first)
                group_weights.append(feature.weight)
        count = len(self._intents)
        if rows:
            explained = dense.explains[rows] * np.asarray(sims, np.float32)[:, None]
            best = np.maximum.reduceat(explained, starts, axis=0)
            question_coverage = np.asarray(group_weights) @ best / total
        else:
            question_coverage = np.zeros(count)
        found = [(dense.index[f], sim) for f, sim in present.items() if f in dense.index]
        if found:
            ids = [i for i, _ in found]
            weights = np.asarray([w for _, w in found], np.float32)
            phrasing_sum = weights @ dense.phrasing_weights[ids]
            answer_sum = weights @ dense.answer_weights[ids]
        else:
            phrasing_sum, answer_sum = np.zeros(len(self._phrasing_totals)), np.zeros(count)
        phrasing_coverage = np.maximum(
            np.maximum.reduceat(phrasing_sum / self._phrasing_totals, self._phrasing_starts),
            answer_factor * answer_sum / self._answer_totals,
        )
        return question_coverage.astype(float), phrasing_coverage.astype(float)

    @staticmethod
    def _accumulate(postings: _Postings, present: Mapping[str, float], size: int) -> np.ndarray:
        """Per row: the sum of weight × similarity over the features the question has."""
        found = [(postings.rows[f], sim) for f, sim in present.items() if f in postings.rows]
        if not found:
            return np.zeros(size)
        ids = np.concatenate([rows[0] for rows, _ in found])
        weights = np.concatenate([rows[1] * sim for rows, sim in found])
        return np.bincount(ids, weights, minlength=size)

    def _slot_factors(self, named: dict[str, set[str]]) -> np.ndarray:
        """Per intent: slot_penalty for each slot whose value the question names differently."""
        factors = np.ones(len(self._intents))
        for name, values in named.items():
            declares, allows = self._slot_tables[name]
            allowed = np.zeros(len(self._intents), dtype=bool)
            for value in values:
                allowed |= allows[value]
            factors[declares & ~allowed] *= self.kb.settings.slot_penalty
        return factors

    def match(self, text: str, limit: int = 10) -> Match:
        """The `limit` best intents for `text` (any string), best first."""
        question = normalize(text, self.kb.tables)
        features, unknown = self._features(question)
        total = sum(f.weight for f in features)
        meaningful = any(f.weight > self.weights.filler for f in features)
        if not features or total <= 0 or not meaningful:
            return Match(question, (), tuple(unknown))

        if self._dense is not None:
            question_coverage, phrasing_coverage = self._coverage_dense(features, total)
        else:
            question_coverage, phrasing_coverage = self._coverage_sparse(features, total)

        share = self.weights.question_share
        # float sums of weights overshoot full coverage by ~1e-7: a score never exceeds 100
        scores = np.minimum(100 * question_coverage**share * phrasing_coverage ** (1 - share), 100)
        scores *= self._slot_factors(self.slot_values(question))
        if any(w[:1].isdigit() and w not in self.kb.article_numbers for w in question.tokens):
            scores *= self.weights.unknown_number
        order = np.argsort(-scores, kind="stable")[:limit]
        candidates = tuple(
            Candidate(self._intents[i], float(scores[i])) for i in order if question_coverage[i] > 0
        )
        content = [
            folded
            for word, folded in zip(question.tokens, question.folded, strict=True)
            if not self._is_filler(word, folded) and word not in self._context
        ]
        bare = bool(content) and all(w in self._question_words for w in content)
        return Match(question, candidates, tuple(unknown), bare)


@lru_cache(maxsize=100_000)
def _marks(word: str) -> Counter[str]:
    """The diacritics of a word, as a multiset ("người" → horn, horn, grave; "đ" counts too)."""
    decomposed = unicodedata.normalize("NFD", word)
    marks = Counter(ch for ch in decomposed if unicodedata.combining(ch))
    marks["đ"] = decomposed.count("đ")
    return marks
