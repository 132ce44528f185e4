"""Question word → the KB words it may be, with a similarity: exact, diacritics left out, telex, typo.

Vietnamese words are one or two short syllables, so whole-string fuzzy matching rewards a single
shared syllable; matching word by word against the KB's own words keeps "cao cấp" apart from
"trung cấp" and still forgives a phone keyboard's mistakes.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np

from bot.kb import Weights
from bot.normalize import Tables, fold, split_tone
from bot.telex import decode_telex


class Lexicon:
    """The KB's words by their folded form, and what a word weighs; built once, then read-only."""

    def __init__(
        self,
        ids: Mapping[str, int],
        idf: np.ndarray,
        max_idf: float,
        weights: Weights,
        tables: Tables,
        fixed: Mapping[str, float],
        filler: Iterable[str],
        folds: Mapping[str, tuple[str, ...]] | None = None,
        as_typed: Iterable[str] = (),
    ) -> None:
        self._ids, self._idf, self.max_idf = ids, idf, max_idf
        self.weights, self._tables = weights, tables
        self._fixed = fixed  # filler, context and courtesy words weigh what the settings say
        self._filler = set(filler)
        # typed bare, a word of `as_typed` is the other word it folds like ("thoi" is thời)
        bare = {fold(w, tables) for w in as_typed}
        self._filler_folded = {fold(w, tables) for w in self._filler} - bare
        self.folds = _by_fold(ids, tables) if folds is None else folds  # saved with the index
        self._by_fold = self.folds
        self._folds = sorted(self.folds)
        self.matches = lru_cache(maxsize=100_000)(self._matches)

    def knows(self, feature: str) -> bool:
        """A word or bigram of some phrasing, answer or evidence."""
        return feature in self._ids

    def has_fold(self, folded: str) -> bool:
        return folded in self._by_fold

    def bare(self, word: str, folded: str) -> bool:
        """Typed without marks, letters the KB knows folded (no telex: "caaps" is typed)."""
        return word == folded and folded in self._by_fold

    def idf(self, feature: str) -> float:
        found = self._ids.get(feature)
        return self.max_idf if found is None else float(self._idf[found])

    def word_weight(self, word: str) -> float:
        fixed = self._fixed.get(word)
        return self.idf(word) if fixed is None else fixed

    def is_filler(self, word: str, folded: str) -> bool:
        if word in self._filler:
            return True
        return word == folded and folded in self._filler_folded and word not in self._ids

    def corrected(self, tokens: Sequence[str], folded: Sequence[str]) -> str:
        """The question folded, each word the KB does not know replaced by the one word it
        surely is ("cấp huyệ" → "cap huyen"; a word of two letters only by the word beside it:
        "cấp sã" → "cap xa"), so that words picking a slot survive a typo."""
        words = list(folded)
        for i, (word, fold_) in enumerate(zip(tokens, folded, strict=True)):
            if len(fold_) < 2 or fold_ in self._by_fold or word[:1].isdigit():
                continue
            short = len(fold_) < 3  # "cấp sã", "thạc xĩ": only beside a word it pairs with
            ranked = sorted(self.matches(word, fold_).items(), key=lambda kv: -kv[1])
            beside = [
                self.by_neighbour((word, fold_), [v for v, _ in ranked[:4]], sure, sure_first)
                for at, sure_first in ((i - 1, True), (i + 1, False))
                if 0 <= at < len(tokens) and (sure := self.sure(tokens[at], folded[at]))
            ]
            if any(beside):  # "đảng viem": viên, the only reading "đảng" makes a pair with
                words[i] = fold(next(b for b in beside if b), self._tables)
            elif (
                not short
                and ranked
                and ranked[0][1] >= _SURE
                and (len(ranked) == 1 or ranked[1][1] < ranked[0][1])
            ):
                words[i] = fold(ranked[0][0], self._tables)
        return " ".join(words)

    def sure(self, word: str, folded: str) -> str | None:
        """The KB word a question word surely is (typed as the KB writes it), or None."""
        if word[:1].isdigit() or self.is_filler(word, folded):
            return None
        best = max(self.matches(word, folded).items(), key=lambda kv: kv[1], default=None)
        return best[0] if best is not None and best[1] >= 1.0 else None

    def by_neighbour(
        self, typed: tuple[str, str], readings: Sequence[str], sure: str, sure_first: bool
    ) -> str | None:
        """The one reading of a mistyped word (`typed`: as typed and folded) that makes a KB
        bigram with the word typed right beside it ("đảng viem": viên, not điểm), or None when
        none or several do. A word typed bare that the KB knows folded ("dong") is no slip; a
        reading lacks none of the diacritics typed ("thơ" is never thi) but for a wrong tone
        ("tác giã" is tác giả) or marks on the same letters ("lượt xêm" is lượt xem)."""
        word, folded = typed
        if word == folded and self.has_fold(folded):
            return None
        marks, letters = _marks(word), split_tone(word)[0]
        same_letters = self._by_fold.get(folded, ())
        fitting = {
            r
            for r in readings
            if (marks <= _marks(r) or split_tone(r)[0] == letters or r in same_letters)
            and self.knows(f"{sure} {r}" if sure_first else f"{r} {sure}")
        }
        return fitting.pop() if len(fitting) == 1 else None

    def split_joined(self, folded: str) -> tuple[str, str] | None:
        """'thacsi' → ('thac', 'si'): people on phones drop spaces (but 'coong' is công typed
        in telex, no 'có ông')."""
        telex = decode_telex(folded, self._tables)
        if telex is not None and fold(telex[0], self._tables) in self._by_fold:
            return None
        for cut in range(2, len(folded) - 1):
            left, right = folded[:cut], folded[cut:]
            if left in self._by_fold and right in self._by_fold:
                return left, right
        return None

    def _telex_swapped(self, word: str) -> dict[str, float]:
        """ "ngyaf", "hcoj": telex with two letters swapped on the way ("ngayf" is ngày, "hocj"
        học) — the KB words one swap before the tone key decodes to, tone and all."""
        tables = self._tables
        if len(word) < 3 or word[-1] not in tables.telex_tones:
            return {}
        found: dict[str, float] = {}
        for i in range(len(word) - 2):
            typed = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            telex = decode_telex(typed, tables) if typed != word else None
            for v in self._by_fold.get(fold(telex[0], tables), ()) if telex else ():
                if split_tone(v) == telex:
                    found[v] = self.weights.fuzzy
        return found

    def _matches(self, word: str, folded: str) -> dict[str, float]:
        """KB words this question word may be, with a similarity in 0–1 (cached: users repeat)."""
        w = self.weights
        if word[:1].isdigit():
            return {word: 1.0} if word in self._ids else {}
        same_fold = self._by_fold.get(folded)
        if same_fold:
            if word == folded:  # typed without any diacritics: sure when only one word folds so
                sure = len(same_fold) == 1
                return {v: 1.0 if v == word or sure else w.folded for v in same_fold}
            typed = _marks(word)
            found = {
                v: 1.0 if v == word else (w.partial_marks if typed <= _marks(v) else w.wrong_marks)
                for v in same_fold
            }
            return found if word in same_fold else self._with_marked_slips(word, folded, found)
        telex = decode_telex(word, self._tables)
        if telex is not None:
            same_letters = self._by_fold.get(fold(telex[0], self._tables), ())
            decoded = {v: w.folded for v in same_letters if split_tone(v) == telex}
            if not decoded and not telex[1]:  # "chwc": the hats typed, the tone left out
                decoded = {v: w.partial_marks for v in same_letters if split_tone(v)[0] == telex[0]}
            elif not decoded:  # "caans" for cán, "coos" for có: the tone right, a hat slipped in
                decoded = {v: w.partial_marks for v in same_letters if split_tone(v)[1] == telex[1]}
            if decoded:
                return decoded
        swapped = self._telex_swapped(word) if word.isascii() else {}
        if swapped:
            return swapped
        found: dict[str, float] = {}
        for weight, variants in (
            (w.fuzzy, self._keyboard_slips(folded)),
            (w.slip, self.slips(folded)),
        ):
            for variant in sorted(
                variants
            ):  # sets iterate in hash order: keep replies reproducible
                for v in self._by_fold.get(variant, ()):
                    found[v] = max(found.get(v, 0.0), weight)
        if len(folded) >= 3:
            # imported at the first word the KB does not know, not at start: importing rapidfuzz
            # was ~10 ms of every start (the Telegram bot's before its first poll)
            from rapidfuzz import fuzz, process

            for candidate, ratio, _ in process.extract(
                folded, self._folds, scorer=fuzz.ratio, score_cutoff=w.fuzzy_cutoff, limit=3
            ):
                for v in self._by_fold[candidate]:
                    found[v] = max(found.get(v, 0.0), w.fuzzy * ratio / 100)
        if word != folded:  # the diacritics typed tell "đảg" (đảng) from đang and đăng
            typed = _marks(word)
            found = {v: s if typed <= _marks(v) else s * w.partial_marks for v, s in found.items()}
            found = self._with_marked_slips(word, folded, found)
        return found

    def _with_marked_slips(
        self, word: str, folded: str, found: dict[str, float]
    ) -> dict[str, float]:
        """`found`, and the KB words one merged sound away from a word typed with marks that
        the KB does not know, when every mark typed is theirs (Northern l/n, the finals n/ng
        and c/t): a filler one merged initial away surely ("bài lày" is bài này: normalization
        `merged`), any other word only as a guess that a KB bigram with the word beside it
        confirms ("chứt vụ", "đản viên": the matcher's _confirm_by_neighbours) — "tính", "mái",
        "hạng" are words of their own."""
        typed = _marks(word)
        merged = {v for g in self._tables.slips.merged for v in _swap_initial(folded, g)}
        for variant in self.slips(folded):
            for known in self._by_fold[variant]:
                if _marks(known) != typed:
                    continue
                if self.is_filler(known, variant):  # "già" is no "và", "lày" is này
                    if variant in merged:
                        found[known] = 1.0
                    continue
                found[known] = max(found.get(known, 0.0), self.weights.slip_marked)
        return found

    def slips(self, folded: str) -> list[str]:
        """Known folded words one confused spelling away: 'xi' → {'si'}, 'chung' → {'trung'}."""
        slips = self._tables.slips
        found = set()
        for groups, swap in ((slips.initials, _swap_initial), (slips.finals, _swap_final)):
            for group in groups:
                found.update(swap(folded, group))
        return sorted(v for v in found if v != folded and v in self._by_fold)

    def _keyboard_slips(self, folded: str) -> list[str]:
        """Known folded words one neighbouring key, one swap of two letters or, from three
        letters on, one dropped letter away ("trug", "huye"); from four, one letter too many
        ("huyenn", "doong")."""
        neighbours = self._tables.slips.neighbours
        found = set()
        for i, letter in enumerate(folded):
            for other in neighbours.get(letter, ""):
                found.add(folded[:i] + other + folded[i + 1 :])
            if i + 1 < len(folded):
                found.add(folded[:i] + folded[i + 1] + letter + folded[i + 2 :])
        if len(folded) >= 3:
            found.update(
                folded[:i] + added + folded[i:]
                for i in range(1, len(folded) + 1)
                for added in _LETTERS
            )
        if len(folded) >= 4:
            found.update(folded[:i] + folded[i + 1 :] for i in range(len(folded)))
        return sorted(v for v in found if v != folded and v in self._by_fold)


def _swap_initial(folded: str, group: tuple[str, ...]) -> list[str]:
    """The word with its initial consonant spelled as each other member of `group`."""
    for spelling in sorted(group, key=len, reverse=True):
        rest = folded[len(spelling) :]
        if folded.startswith(spelling) and rest[:1] in _VOWELS:
            return [other + rest for other in group if other != spelling]
    return []


def _swap_final(folded: str, group: tuple[str, ...]) -> list[str]:
    """The word with its final consonant (or i/y) spelled as each other member of `group`."""
    for spelling in sorted(group, key=len, reverse=True):
        stem = folded[: -len(spelling)]
        if folded.endswith(spelling) and stem and (stem[-1] in _VOWELS or spelling in _VOWELS):
            return [stem + other for other in group if other != spelling]
    return []


_VOWELS = frozenset("aeiouy")
_SURE = 0.75  # a mistyped word this close to one KB word, and closer than to any other, is it
_LETTERS = "abcdeghiklmnopqrstuvxy"  # the letters of Vietnamese words folded


def _by_fold(ids: Iterable[str], tables: Tables) -> dict[str, tuple[str, ...]]:
    """The KB's words (not bigrams) by their folded form, each group sorted."""
    by_fold: dict[str, list[str]] = defaultdict(list)
    for word in sorted(f for f in ids if " " not in f):
        by_fold[fold(word, tables)].append(word)
    return {f: tuple(words) for f, words in by_fold.items()}


@lru_cache(maxsize=100_000)
def _marks(word: str) -> Counter[str]:
    """The diacritics of a word, as a multiset ("người" → horn, horn, grave; "đ" counts too)."""
    decomposed = unicodedata.normalize("NFD", word)
    marks = Counter(ch for ch in decomposed if unicodedata.combining(ch))
    marks["đ"] = decomposed.count("đ")
    return marks
