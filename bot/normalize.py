"""Vietnamese text → comparable forms: one accented and one accent-folded token list. Pure
functions over tables the knowledge base loads (`normalization:`, `abbreviations:`). rapidfuzz
does no Unicode normalization itself, so everything it compares passes through here."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial

from bot.closing_particles import closing_words, with_particles
from bot.dotted import undotted
from bot.folding import translated, without_marks
from bot.multiplied import multiplied
from bot.normalized import Normalized
from bot.plurals import plural_before_count
from bot.values import value_class

# A number as people type it: 1.999 / 1,999 / 1999 / 53,3 / 53.3
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A date as people type it: 6/8/2018, 06-08-2018, 6.8.2018 (day and month read as two digits,
# as the article writes its own date: "6/8/2018" names the article's 06/08/2018); a day and
# month after "ngày" ("đăng ngày 6/8") too: "06 08"
DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
DAY_MONTH = re.compile(r"(?<=ngày )([0-3]?\d)[/.-]([01]?\d)(?![\d/.,-])")
# Letters (any script) or digits: everything else (punctuation, emoji, symbols) separates words.
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:'s)?")
_MARKS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_INVISIBLE, _ANY_INVISIBLE = dict.fromkeys(map(ord, _MARKS), None), re.compile(f"[{_MARKS}]")


@dataclass(frozen=True, slots=True, eq=False)
class Tables:
    """The normalization tables, read once from YAML."""

    characters: Mapping[str, str]
    tone_placement: Mapping[str, str]
    expansions: Mapping[tuple[str, ...], tuple[str, ...]]
    longest_expansion: int
    tone_pattern: re.Pattern[str]
    fold_map: Mapping[int, str]
    telex_letters: tuple[tuple[str, str], ...]
    telex_tones: Mapping[str, str]
    slips: Slips = field(default_factory=lambda: Slips((), (), {}))
    multipliers: Mapping[str, int] = field(default_factory=dict)
    number_roles: Mapping[str, str] = field(default_factory=dict)  # folded ("muoi": "tens")
    units: Mapping[str, str] = field(default_factory=dict)  # "35t": "t" after a number is "tuổi"
    plural: Mapping[str, str] = field(default_factory=dict)  # "ở mấy xã … bao nhiêu": các
    respellings: Mapping[str, str] = field(default_factory=dict)  # "thế lào": heard, as typed
    dotted: Mapping[str, str] = field(default_factory=dict)  # "c.bộ": "cán bộ", "ng.": "người"
    closing: Mapping[str, str] = field(default_factory=dict)  # "… anh chi a": the particle "ạ"
    closing_kept: frozenset[str] = frozenset()  # folded words after which it stays ("chọn a")
    vni: Mapping[str, str] = field(default_factory=dict)  # "a6": "â", "1": the acute (unvni.py)
    unmarked: Tables | None = None  # for a message typed with no marks (bot/kb/tables.py)
    # first word of each expansion of several words → their lengths, longest first (only those
    # tried there); the expansions of one word by the word; the first words of all
    starts: Mapping[str, tuple[int, ...]] = field(init=False, default_factory=dict)
    singles: Mapping[str, tuple[str, ...]] = field(init=False, default_factory=dict)
    firsts: frozenset[str] = field(init=False, default=frozenset())  # none in a text: left as is
    pairs: frozenset[tuple[str, str]] = field(init=False, default=frozenset())  # of several words
    look_alikes: frozenset[str] = field(init=False, default=frozenset())  # `characters`' first
    closing_pattern: re.Pattern[str] | None = field(init=False, default=None)
    closing_marked: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        starts: dict[str, tuple[int, ...]] = {}
        for first, size in sorted({(k[0], len(k)) for k in self.expansions if len(k) > 1}):
            starts[first] = (size, *starts.get(first, ()))
        singles = {key[0]: value for key, value in self.expansions.items() if len(key) == 1}
        object.__setattr__(self, "starts", starts)
        object.__setattr__(self, "singles", singles)
        object.__setattr__(self, "firsts", frozenset(key[0] for key in self.expansions if key))
        object.__setattr__(self, "pairs", frozenset(k[:2] for k in self.expansions if len(k) > 1))
        object.__setattr__(self, "look_alikes", frozenset(key[0] for key in self.characters if key))
        object.__setattr__(self, "closing_pattern", closing_words(self.closing))
        object.__setattr__(self, "closing_marked", frozenset(self.closing.values()))


@value_class
class Slips:
    """Spelling slips (folded letters): confusable initials and finals, keyboard neighbours."""

    initials: tuple[tuple[str, ...], ...]
    finals: tuple[tuple[str, ...], ...]
    neighbours: Mapping[str, str]
    merged: tuple[tuple[str, ...], ...] = ()  # initials an accent merges (Northern l/n)
    heard_initials: tuple[tuple[str, ...], ...] = ()  # an accent's, told by the word beside
    heard_finals: tuple[tuple[str, ...], ...] = ()


def canonical_number(raw: str) -> str:
    """'1.999', '1,999' and '1999' → '1999'; '53,3' and '53.3' → '53.3'.

    Vietnamese groups thousands with '.' and writes decimals with ','; English does the reverse.
    A separator followed by exactly three digits is taken as grouping, any other as a decimal
    point."""
    parts = re.split(r"[.,]", raw)
    if len(parts) == 1:
        return raw
    if all(len(p) == 3 for p in parts[1:]):
        return "".join(parts)
    return "".join(parts[:-1]) + "." + parts[-1]


# đ has no Unicode decomposition; the knowledge base's `folding:` table may add letters
_FOLD_MAP = {ord("đ"): "d", ord("Đ"): "D"}
_WORD_LENGTH = 24  # longer than any word: a run of letters that long is no word to keep
_WORDS_KEPT = 20_000  # folded words kept (~250 bytes each); a KB's and its users' vocabulary


def fold(word: str, tables: Tables | None = None) -> str:
    """Strip Vietnamese diacritics: 'đường' → 'duong' (đ has no decomposition, so it is mapped).
    A word (letters or digits only) is folded once and kept: every question folds its words, and
    the reading of a message folds them again; texts (and anything longer than a word) are folded
    as they come."""
    if len(word) <= _WORD_LENGTH and word.isalnum():
        return _folded_word(word, tables)
    return _fold(word, tables)


def _fold(word: str, tables: Tables | None) -> str:
    return translated(without_marks(word), tables.fold_map if tables else _FOLD_MAP)


_ELONGATED = re.compile(r"([^\W\d_])\1{2,}")
_PLUS_BETWEEN_WORDS = re.compile(r"(?<=[^\W\d])\s*\+\s*(?=[^\W\d])")  # "cả huyện + xã": "và"
_folded_word = lru_cache(maxsize=_WORDS_KEPT)(_fold)


def clean(text: str, tables: Tables) -> str:
    """NFC, look-alike letters, invisible marks removed, case folded, tone placement unified.
    Kept for the last texts cleaned (reading one message cleans it, and its clauses, several
    times over); lru_cache is safe across threads."""
    _TABLES.setdefault(id(tables), tables)
    return _cleaned(text, id(tables))


_TABLES: dict[int, Tables] = {}  # the tables of this process (one per KB loaded), by identity


@lru_cache(maxsize=256)
def _cleaned(text: str, tables_id: int) -> str:
    return _clean(text, _TABLES[tables_id])


def _clean(text: str, tables: Tables) -> str:
    text = unicodedata.normalize("NFC", text)
    if _ANY_INVISIBLE.search(text):  # translating every character was ~6 µs a text
        text = text.translate(_INVISIBLE)
    if not tables.look_alikes.isdisjoint(text):  # most texts hold none: nothing to replace
        for wrong, right in tables.characters.items():
            text = text.replace(wrong, right)
    text = _ELONGATED.sub(r"\1", text.casefold())  # "nhìuuu", "okkk": no word repeats a letter 3×
    text = _PLUS_BETWEEN_WORDS.sub(" và ", text) if "+" in text else text  # not "712+28"
    text = undotted(text, tables.dotted) if "." in text and tables.dotted else text  # "c.bộ"
    if tables.closing_pattern is not None:  # "em chao anh chi a": "ạ", no word to match
        folded = partial(_fold, tables=tables)
        kept = tables.closing_kept
        text = with_particles(text, tables.closing_pattern, tables.closing, kept, folded)
    return tables.tone_pattern.sub(lambda m: tables.tone_placement[m.group(0)], text)


def normalize(text: str, tables: Tables) -> Normalized:
    """The full pipeline: clean, unify numbers, split into words, expand abbreviations, fold."""
    text = clean(text, tables)
    if "/" in text or "-" in text or "." in text:
        text = DAY_MONTH.sub(_date, DATE.sub(_date, text))
    text = _NUMBER.sub(lambda number: canonical_number(number.group(0)), text)
    words = multiplied(_TOKEN.findall(text), tables.multipliers, tables.units)
    # "thay co giao" (a closing "ạ" put in for a bare "a" leaves a message typed with no marks)
    bare = all(w.isascii() or w in tables.closing_marked for w in words)
    unmarked = tables.unmarked if bare else None
    tokens = expand(words, unmarked or tables)
    if tables.plural and tables.plural["word"] in tokens:
        tokens = plural_before_count(tokens, tables.plural)
    return Normalized(tuple(tokens), tuple([fold(t, tables) for t in tokens]))


def _date(date: re.Match[str]) -> str:
    return " ".join([*map(date_part, date.groups()[:2]), *date.groups()[2:]])  # no year: "ngày 6/8"


def date_part(number: str) -> str:
    """A date's day or month as the article writes it: '6' → '06'."""
    return f"{int(number):02d}"


def expand(words: list[str], tables: Tables) -> list[str]:
    """Replace abbreviations and English terms, longest match first, in one pass."""
    if tables.firsts.isdisjoint(words):
        return words  # most texts: no word begins an expansion (a word at a time was ~10 µs)
    out: list[str] = []
    i, expansions, singles, firsts = 0, tables.expansions, tables.singles, tables.firsts
    while i < len(words):
        if words[i] not in firsts:  # no expansion begins with it: the word as it is
            out.append(words[i])
            i += 1
            continue
        # (one cut short by the text's end is its rest, the longest there is: found the same);
        # none of several words when the next word opens none with it: not tried ("cán bộ" is
        # the first two words of no expansion), but at the last word (cut short: its length)
        several = i + 1 == len(words) or (words[i], words[i + 1]) in tables.pairs
        for size in tables.starts.get(words[i], ()) if several else ():
            replacement = expansions.get(tuple(words[i : i + size]))
            if replacement is not None:
                break
        else:
            size, replacement = 1, singles.get(words[i], (words[i],))
        # "trình độ đại học (bachelor)": a gloss restating the words before it, said once
        again = words[i] != replacement[0] and out[-len(replacement) :] == list(replacement)
        if not again or words[i - size : i] == words[i : i + size]:  # "bye bye": said twice
            out.extend(replacement)
        i += size
    return out


def _tone_pattern(tone_placement: Mapping[str, str]) -> re.Pattern[str]:
    # only at the end of a syllable, and not in "qu" + vowel (quý keeps its mark) — but "ươ"
    # typed astray ("ngừoi"), which no syllable holds, anywhere
    astray = {k for k in tone_placement if unicodedata.normalize("NFD", k).startswith("u\u031b")}
    keys = "|".join(re.escape(k) for k in tone_placement if k not in astray) or "(?!)"
    horned = "|".join(map(re.escape, astray)) or "(?!)"
    return re.compile(rf"(?<!q)(?:{keys})(?![^\W\d_])|{horned}")


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def split_tone(word: str) -> tuple[str, str]:
    """'cấp' → ('câp', acute): the letters with their hats and horns, and the tone apart."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base), tone


def _words(phrase: str, characters: Mapping[str, str]) -> tuple[str, ...]:
    text = unicodedata.normalize("NFC", phrase)
    for wrong, right in characters.items():
        text = text.replace(wrong, right)
    return tuple(_TOKEN.findall(text.casefold()))  # cut as a message is: "TC/CC" → tc, cc


def build_tables(
    characters: Mapping[str, str],
    tone_placement: Mapping[str, str],
    folding: Mapping[str, str],
    telex_letters: Mapping[str, str],
    telex_tones: Mapping[str, str],
    abbreviations: Mapping[str, Mapping[str, str]],
    slips: Slips | None = None,
    multipliers: Mapping[str, int] | None = None,
    number_words: Mapping[str, str] | None = None,
    units_after_numbers: Mapping[str, str] | None = None,
    plural_determiners: Mapping[str, str] | None = None,
    dotted: Mapping[str, str] | None = None,
    closing: Mapping[str, str] | None = None,
    closing_kept: Sequence[str] = (),
) -> Tables:
    """Tables from the knowledge base's tables; `abbreviations` maps section → word → meaning
    (its section `RESPELLED` kept apart: bot/respelling.py respells a message with it)."""
    expansions: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name, section in abbreviations.items():
        for key, value in section.items() if name != RESPELLED else ():
            expansions[_words(key, characters)] = _words(value, characters)
    return Tables(
        characters=dict(characters),
        tone_placement=dict(tone_placement),
        expansions=expansions,
        longest_expansion=max((len(k) for k in expansions), default=1),
        tone_pattern=_tone_pattern(tone_placement),
        fold_map={ord(k): v for k, v in folding.items()},
        telex_letters=tuple(sorted(telex_letters.items(), key=lambda kv: -len(kv[0]))),
        telex_tones=dict(telex_tones),
        slips=slips or Slips((), (), {}),
        multipliers=dict(multipliers or {}),
        number_roles={_fold(k, None): v for k, v in (number_words or {}).items()},
        units=dict(units_after_numbers or {}),
        plural=dict(plural_determiners or {}),
        respellings=dict(abbreviations.get(RESPELLED, {})),
        dotted={unicodedata.normalize("NFC", k).casefold(): v for k, v in (dotted or {}).items()},
        closing=dict(closing or {}),
        closing_kept=frozenset(_fold(w, None) for w in closing_kept),
    )


RESPELLED = "said_as_heard"  # the abbreviations section respelled in a message as typed
