"""Emoji in a message ("… ko thì chị xử t 😭😭 mục tiêu … là gì v?", "title, author, date pls
🙏"): at either end of a message that says more, nothing; pointing on or ticking ("… toàn
huyện 👉 bao nhiêu người?", "294 ✅ cấp xã"), a space; between two words, a pause that ends a
sentence after a greeting or before words that ask on their own — never before the rest of a
question ("bao nhiêu 🔥 đảng viên 🔥 ở cấp xã"), a joiner ("… 🤔 và số đảng viên 🤔 là …"), or
after a figure before its unit or named ("712 😲 đảng viên", "nghị quyết 03 😍 nói về gì"). A
figure before words that ask stays apart ("đứa bảo 300 😤 cấp xã có bao nhiêu …?")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.normalize import fold

if TYPE_CHECKING:
    from bot.kb import KnowledgeBase

_PICTOGRAPH = (
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF][\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200D\s]*"
)
_ANY = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B05-\u2B07]")
_BETWEEN_WORDS = re.compile(rf"(?<=\w)[ \t]*{_PICTOGRAPH}(?=\w)")
_AT_ENDS = re.compile(rf"^\s*{_PICTOGRAPH}|\s*{_PICTOGRAPH}$")
# pointing on, and ticks beside what is checked ("1.999 ✅ cán bộ, 294 ✅ cấp xã phải không")
_POINTERS = re.compile(
    r"[\U0001F446-\U0001F449\u261A-\u261F\u27A1\u2B05-\u2B07\u2705\u2714\u2611\u2713]\uFE0F?"
)
_WORD = re.compile(r"\w+")
_STRETCH = re.compile(r"[^,.;:!?\U0001F300-\U0001FAFF\u2600-\u27BF]*")  # up to a mark or emoji
_NUMBER = re.compile(r"\d")
_NOUNS = frozenset({"so", "luong", "the", "nhu", "khi"})  # question words that are nouns too
_DEGREES = frozenset({"dai", "thac", "tien", "cao", "trung", "tren", "duoi"})
_HELD = 2  # words before an emoji that, holding a question word or a number, hold it in


class Pictographs:
    def __init__(self, kb: KnowledgeBase) -> None:
        tables, reading = kb.tables, kb.understanding
        asking = {fold(w, tables) for w in kb.settings.question_words} | {"bn", "j"}
        self._asking = asking - _NOUNS
        self._names = reading.numbered_names  # "nghị quyết 03", "con số 712": a name
        self._courtesy = {fold(w, tables) for w in kb.settings.courtesy} | {"oi", "nhen"}
        # a number's unit or degree after it ("712 ✅ đảng viên", "1066 ✅ đại học")
        self._units = {fold(u.split()[0], tables) for u in kb.settings.counted_units}
        self._units |= _DEGREES
        # a joiner, or "là", after it: the sentence goes on ("… 🤔 và số đảng viên 🤔 là …")
        self._joiners = {p[0] for p in (*reading.drop_joiners, *reading.keep_joiners) if p}
        self._joiners.add("la")
        self._tables = tables

    def read(self, text: str) -> str:
        """`text` with its emoji read as the module says; an emoji alone ("👍") is kept."""
        if not _ANY.search(text) or not _WORD.search(text):
            return text  # most messages hold no emoji: one search
        text = _POINTERS.sub(" ", text)
        text = _BETWEEN_WORDS.sub(lambda m: self._between(text, m), text)
        return _AT_ENDS.sub("", text)

    def _between(self, text: str, found: re.Match[str]) -> str:
        before = [fold(w, self._tables) for w in _WORD.findall(text[: found.start()])][-_HELD - 1 :]
        after = fold(next(iter(_WORD.findall(text[found.end() :])), ""), self._tables)
        if after in self._joiners:
            return " "
        if before and _NUMBER.match(before[-1]):
            named = any(tuple(before[-1 - len(p) : -1]) == p for p in self._names)
            named = named or before[-2:-1] == ["so"]  # "con số 712 🤔 nói về gì"
            if named or after in self._units:
                return " "  # "712 ✅ đảng viên", "nghị quyết 03 😍 nói về gì"
        # a pause only before words that ask on their own ("… ko thì chị xử t 😭😭 mục tiêu …
        # là gì v?"), not before the rest of a question ("bao nhiêu 🔥 đảng viên 🔥 ở cấp xã")
        rest = _STRETCH.match(text, found.end()).group(0)
        asks_on = any(fold(w, self._tables) in self._asking for w in _WORD.findall(rest))
        greeted = any(w in self._courtesy for w in before)  # "Chào bạn nhen 😊 tui …"
        return ". " if asks_on or greeted else " "
