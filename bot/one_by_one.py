"""Several facts taken one per turn: "trả lời cái đầu trước nhé" answers the first fact asked and
keeps the rest in the chat's context; "cái thứ hai", "giờ tới câu 2" then pick a fact of the
last answer by its place (the order the question asked them in)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import takewhile
from typing import TYPE_CHECKING

from bot import message_memo
from bot.enumerations import PLACES
from bot.normalize import fold
from bot.phrases import as_phrases, asks, has_phrase, joined, spans
from bot.picks import picked
from bot.understanding import numbers_in
from bot.unstated import asked_unstated

if TYPE_CHECKING:
    from bot.kb.model import Understanding
    from bot.matcher import Match
    from bot.normalize import Normalized
    from bot.reading import Reader
    from bot.reply import Reply


_ASKED = (
    ("bao", "nhieu"),
)  # a figure the article lacks, read as asked ("là 721" → "là bao nhiêu")


class OneByOne:
    def __init__(self, reader: Reader) -> None:
        self.reader, self.responder, self.reading = reader, reader.responder, reader.reading

    def picked(self, question: str, match: Match, earlier: Sequence[str]) -> Reply | None:
        """The fact of the last answer an ordinal names ("cái thứ hai"), when it gave several."""
        if len(earlier) < 2:
            return None
        lettered = _OPENING_LETTER.match(question)  # "(b) là cán bộ cấp nào?": "ý thứ hai …"
        if lettered and ord(lettered.group(1).lower()) - ord("a") < len(PLACES):
            place = PLACES[ord(lettered.group(1).lower()) - ord("a")]
            question = f"ý thứ {place} {question[lettered.end() :]}"
            match = self.reader.match(question)
        words = match.question
        position = picked(words.folded, self.reading, len(earlier))
        if position is None:  # "cái đầu tiên ấy, hình như là 721 phải không?": the figure checked
            position = picked(self._without_claim(words), self.reading, len(earlier))
        if position is None:  # "cái 2 nhắc lại giúp em", "cái 2 nói rõ hơn": that one, again
            position = picked(self._without_request(words), self.reading, len(earlier))
        if position is None and words.tokens[-1:] == ("nữa",):  # "cái thứ hai nữa" (not "nửa")
            position = picked(words.folded[:-1], self.reading, len(earlier))
        if position is None:  # "Còn ý (c): con số đó gồm cả …?": that item, asked on
            position = _pointed(words.folded, len(earlier))
            if position is not None and self._asks_apart(words, earlier[position]):
                # "ý thứ hai học ngành gì?", "ý thứ hai em hỏi thêm: ai phát biểu?"
                return self._asked_of_item(words, earlier)
        if position is None:
            return self._asked_of_item(words, earlier)  # "câu 2 có hiệu trưởng không?"
        reply = self.responder.answer_intent(earlier[position], question=question)
        return replace(reply, context=tuple(earlier)) if reply is not None else None  # "cái đầu"

    def _asked_of_item(self, words: Normalized, earlier: Sequence[str]) -> Reply | None:
        """ "cái đầu tiên, ổng tên đầy đủ là gì", "còn câu 2 có hiệu trưởng không": an item of
        the last answer named by its place, then asked about — read as a follow-up of that item
        alone, kept when the reply is of that item (an answer, or what it does not say)."""
        led = _led(words.folded, self.reading, len(earlier))
        if led is None:
            return None
        position, after = led
        return self._of_item(" ".join(words.tokens[after:]), earlier[position])

    def _of_item(self, rest: str, item: str, question: str = "") -> Reply | None:
        """`rest` read after `item` alone, when it is answered by that item."""
        if not rest.strip(" ,:-–?"):
            return self.responder.answer_intent(item, question=question or rest)
        reply = self.reader.read_message(rest, (item,), ())
        return reply if reply.status == "answer" and set(reply.intents) == {item} else None

    def _asks_apart(self, words: Normalized, picked: str) -> bool:
        """What follows the label asks what the article never says, or asks another thing than
        the item (and points at nothing)."""
        rest = " ".join(words.tokens[words.folded.index("thu") + 2 :])  # after "ý thứ ba"
        said = message_memo.words(self.responder.matcher, rest)
        if asked_unstated(" ".join(said.tokens), said.folded_text, self.reading) is not None:
            return True
        if self.responder.follow_ups.words.points_back(said):
            return False  # "còn ý (c): con số đó gồm cả …?": of the item
        reply = self.reader.read_message(rest, (), ())  # ("em muốn hỏi thêm: ai phát biểu?")
        return picked not in reply.intents and asks(said, self.reading)

    def _without_claim(self, words: Normalized) -> tuple[str, ...]:
        """The words of a pick less what checks a figure of the fact picked: the figure (or the
        "bao nhiêu" a figure the article lacks was read as), "hình như", "phải không"."""
        reading = self.reading
        cues = joined(reading.yes_no_cues, reading.doubt_cues, reading.claim_tags, _ASKED)
        dropped = {i for a, b in spans(words.folded, cues, words.tokens) for i in range(a, b)}
        lacking = {n for n in numbers_in(words.text) if not self.responder.facts_with_figure(n)}
        return tuple(  # (only figures the article lacks: "cái đầu là 28 à" names the second)
            w
            for i, w in enumerate(words.folded)
            if i not in dropped and not (w.isdigit() and len(w) > 1 and w in lacking)
        )

    def _without_request(self, words: Normalized) -> tuple[str, ...]:
        """The words of a pick less a request to restate or tell it ("nhắc lại", "nói rõ hơn
        giúp em")."""
        restating = as_phrases(self.responder.kb.conversation.restate_words)
        asks = joined(restating, self.reading.closing_requests)
        dropped = {i for a, b in spans(words.folded, asks, words.tokens) for i in range(a, b)}
        return tuple(w for i, w in enumerate(words.folded) if i not in dropped)

    def first_only(self, question: str, text: str, reply: Reply, place: int | None = None) -> Reply:
        """`reply` to `text`, or only its first fact when the message asks for one at a time
        (or the fact at `place` when it asked that one first); the chat keeps every fact asked,
        in the order asked, for an ordinal to pick next."""
        if reply.status != "answer" or len(reply.intents) < 2:
            return reply
        if place is None:
            words = message_memo.words(self.responder.matcher, text)  # most replies: one fact
            if not has_phrase(words.folded, self.reading.one_at_a_time, words.tokens):
                return reply
            place = 0
        if place >= len(reply.intents):
            return reply
        first = self.responder.answer_intent(reply.intents[place], question=question)
        if first is None:
            return reply
        messages = self.responder.messages
        note = messages.asked_first.format(place=PLACES[place]) if place else messages.one_at_a_time
        return replace(first, text=f"{first.text}\n{note}", context=reply.intents)

    def asked_first(self, text: str) -> tuple[str, int] | None:
        """ "1) … 2) …. trả lời câu 2 trước nha", "answer Q2 first": the message without that
        request, and the place of the item it asks answered first (0-based)."""
        lowered = text.lower()
        if not any(w in lowered for w in _FIRST_HINTS):
            return None  # most messages: no word folded
        tables = self.responder.kb.tables
        words = list(_WORD.finditer(text))
        folded = [fold(w.group(0).lower(), tables) for w in words]
        marked = [w.group(0).lower() for w in words]
        for start, end in spans(folded, self.reading.first_words, marked):
            found = self._ordinal_before(folded, start)
            if found is None:
                continue
            first, place = found
            requests = [
                a for a, b in spans(folded, self.reading.first_requests, marked) if b == first
            ]
            first = requests[0] if requests else first
            end += sum(1 for _ in takewhile(lambda w: w in self.reading.pick_words, folded[end:]))
            if end < len(words) and not _ENDS.search(
                text[words[end - 1].end() : words[end].start()]
            ):
                continue  # "câu 2 trước đó …", "thứ hai trước đây": a time, no request
            head = text[: words[first].start()].rstrip(" ,;:-–")
            tail = text[words[end - 1].end() :].lstrip(" .,;!?")
            rest = f"{head} {tail}".strip()
            return (rest, place) if rest else None
        return None

    def _ordinal_before(self, folded: Sequence[str], at: int) -> tuple[int, int] | None:
        """(where it starts, its place 0-based) of the labelled ordinal ending at word `at`
        ("câu 2", "cái thứ hai", "q 2"; a bare "2" or "hai" before "trước" counts nothing)."""
        for size in (3, 2):
            if at - size < 0:
                continue
            words = tuple(folded[at - size : at])
            labelled = words[0] in _LABELLED or (at > size and folded[at - size - 1] in _LABELLED)
            for position, phrases in self.reading.ordinals.items():
                if position >= 1 and words in phrases and labelled:
                    return at - size, position - 1
        return None


def _pointed(words: Sequence[str], given: int) -> int | None:
    """The item a message opens by pointing at its label ("ý 3", "mục 2", after "còn", "thế"),
    0-based, when the last answer gave that many."""
    opening = [w for w in words[:5] if w not in _OPENERS]
    if len(opening) < 3 or opening[0] not in _LABELS or opening[1] != "thu":
        return None
    number = _PLACES.get(opening[2], 0)
    return number - 1 if 1 <= number <= given else None


def _led(words: Sequence[str], reading: Understanding, given: int) -> tuple[int, int] | None:
    """(its place 0-based, the first word after it) of the labelled ordinal a message opens
    with ("cái đầu tiên, …", "còn câu 2 …", "Q2: …"), when words follow it."""
    at = next((i for i, w in enumerate(words[:5]) if w not in _LEADING), None)
    if at is None:
        return None
    label = words[at] in _ITEM_LABELS
    for size in (3, 2, 1):
        found = tuple(words[at + label : at + label + size])
        if len(found) < size or at + label + size >= len(words):
            continue
        if not (label or found[0] in _LABELLED or found[-1] == "one"):
            continue  # "đầu tiên là …": first of what it says, no item pointed at
        for position, phrases in reading.ordinals.items():
            if 1 <= position <= given and found in phrases:
                return position - 1, at + label + size
    return None


_ITEM_LABELS = frozenset({"cai", "cau", "y", "muc"})  # "cái đầu tiên", "câu 2"
# "Q2", "question 2", "số 2", "thứ hai": an item's label or place (not "đầu tiên là …")
_LABELLED = _ITEM_LABELS | {"q", "question", "so", "thu"}
_ENDS = re.compile(r"[.,;:!?\n]")  # what closes the request: "… câu 2 trước nha. …"
_OPENING_LETTER = re.compile(r"^\s*\(([a-eA-E])\)\s*")  # "(b) …": an item by its letter
_WORD = re.compile(r"[^\W\d_]+|\d+")  # "Q2": "q", "2", as the matcher reads them
_FIRST_HINTS = ("trước", "truoc", "first")  # a word of every `first_words` phrase, as typed
_LABELS = frozenset({"y", "muc"})  # "ý thứ ba" ("ý (c)" reads so, bot/enumerations.py)
_PLACES = {fold(word): place for place, word in enumerate(PLACES, 1)}  # "ba": 3
_OPENERS = frozenset({"con", "the", "vay", "va", "gio", "roi"})
# … and before an ordinal asked about ("quay lại câu 1, …", "back to Q1, …")
_LEADING = _OPENERS | {"quay", "lai", "tro", "going", "back", "to"}
