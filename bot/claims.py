"""A figure the user read elsewhere and checks ("em ấy ghi số đảng viên là 721, đúng không?").

Elsewhere a number the article never writes marks another subject ("có 500 người …?" is no fact
of the article), and lowers every candidate. Beside words of checking it is a claim about one of
the article's facts: the question is read without it, and the reply says first whether the
article bears the figure out. A figure the article writes, said beside the words of one of its
facts, confirms that fact when the bot would otherwise ask back about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.normalize import canonical_number, fold
from bot.phrases import has_phrase
from bot.reply import Reply

if TYPE_CHECKING:
    from bot.reading import Reader

_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?![\w])(?:\s*(%|\w+))?")
_YEAR = re.compile(r"(19|20)\d\d")  # a year is a question of scope, never read past


@dataclass(frozen=True, slots=True)
class Claim:
    number: str  # canonical ("1066")
    span: tuple[int, int]  # where the message writes it
    in_article: bool
    counts: bool  # followed by nothing, a unit the article counts, or a word that names nothing


class Claims:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.responder, self.kb = reader.responder, reader.kb
        tables = self.kb.tables
        self._cues = reader.reading.confirmations + reader.reading.claim_cues
        self._units = {fold(u.split()[0], tables) for u in self.kb.settings.counted_units}
        self._cue_words = {w for cue in self._cues for w in cue}

    def stated(self, text: str) -> tuple[Claim, ...]:
        """The figures a message checking a figure states; none when it checks nothing."""
        if not any(c.isdigit() for c in text):
            return ()
        words = self.responder.matcher.read(text)
        if not has_phrase(words.folded, self._cues, words.tokens):
            return ()
        lexicon = self.responder.matcher.lexicon
        found = []
        for hit in _NUMBER.finditer(text):
            number = canonical_number(hit.group(1))
            after = hit.group(2) or ""
            folded = fold(after.lower(), self.kb.tables)
            counts = (
                not after
                or after == "%"
                or folded in self._units
                or folded in self._cue_words
                or lexicon.is_filler(after.lower(), folded)
            )
            known = number in self.kb.article_numbers
            found.append(Claim(number, hit.span(1), known, counts))
        return tuple(found)

    def without_missing(self, text: str, claims: tuple[Claim, ...]) -> str:
        """`text` without the claimed counts the article never writes (years stay: scope)."""
        for claim in sorted(claims, key=lambda c: c.span, reverse=True):
            if not claim.in_article and claim.counts and not _YEAR.fullmatch(claim.number):
                start, end = claim.span
                text = f"{text[:start]} {text[end:]}"
        return text

    def checked(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply:
        """`reply` led by whether the article bears out the figures claimed."""
        reply = self._confirmed(question, reply, claims)
        if reply.status != "answer":
            return reply
        figures = {n for i in reply.intents for n in self._figures(i)}
        messages = self.responder.messages
        lines = [
            messages.claim_found.format(number=_shown(c.number))
            for c in claims
            if c.number in figures
        ]
        if any(not c.in_article and c.counts and not _YEAR.fullmatch(c.number) for c in claims):
            lines.append(messages.claim_missing)
        if not lines:
            return reply
        return replace(reply, text="\n".join((*lines, reply.text)))

    def _confirmed(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply:
        """The fact the bot would ask back about, when it is the one the claimed figure is of."""
        if reply.status != "clarify" or not reply.candidates:
            return reply
        best = reply.candidates[0][0]
        if not any(c.in_article and best in self._holders(c.number) for c in claims):
            return reply
        return self.responder.answer_intent(best, question=question) or reply

    def _holders(self, number: str) -> list[str]:
        return self.responder.facts_with_figure(number)

    def _figures(self, intent_id: str) -> set[str]:
        intent = self.kb.intent(intent_id)
        return {canonical_number(f) for f in intent.figures} if intent is not None else set()


def _shown(number: str) -> str:
    """1066 → 1.066, as the article writes it."""
    if _YEAR.fullmatch(number):
        return number
    whole, _, decimals = number.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".") if whole.isdigit() else whole
    return f"{grouped},{decimals}" if decimals else grouped
