"""A figure the user read elsewhere and checks ("em ấy ghi số đảng viên là 721, đúng không?").

Elsewhere a number the article never writes marks another subject ("có 500 người …?" is no fact
of the article), and lowers every candidate. Beside words of checking it is a claim about one of
the article's facts: the question is read without it, and the reply says first whether the
article bears the figure out. A figure the article writes, said beside the words of one of its
facts, confirms that fact when the bot would otherwise ask back about it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo
from bot.claim_checks import ClaimChecks, counted_figures, gives_year
from bot.claim_tags import tagged
from bot.multiplied import times
from bot.normalize import DATE, canonical_number, date_part, fold
from bot.phrases import has_phrase, question_cues, spans
from bot.rounding import nearest_figure
from bot.understanding import numbers_in
from bot.values import value_class

if TYPE_CHECKING:
    from bot.reading import Reader

_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?![\w])(?:\s*(%|\w+))?")
_SENTENCE_END = re.compile(r"[.!?]\s")  # a cue never reads across it
_SOURCE_WORDS = 3  # words at most before a cue that say where a figure was read ("báo cáo")
_YEAR = re.compile(r"(19|20)\d\d")  # a year is a question of scope, never read past
_WORD = re.compile(r"\w+")
_DAY_MONTH = re.compile(r"(?<![\d.,/])([0-3]?\d)/([01]?\d)(?![\d/.,])")  # "nhớ là 6/8"
_ROUNDED_AT_LEAST = 100  # a claimed count this large may be rounded ("gần 2.000" is 1.999)


@value_class
class Claim:
    number: str  # canonical ("1066")
    span: tuple[int, int]  # where the message writes it
    written: str  # as the message writes it ("2.000" is no year, "2000" may be one)
    in_article: bool
    counts: bool  # followed by nothing, a unit the article counts, or a word that names nothing
    of_a_unit: bool  # followed by a unit the article counts ("2000 cán bộ" is no year)
    rounded: bool = False  # "gần 2.000": the article's 1.999, rounded (`number` is the article's)

    @property
    def claims_year(self) -> bool:
        """A year the article never writes (of a fact's own year, or a year out of scope)."""
        return not (self.in_article or self.of_a_unit) and bool(_YEAR.fullmatch(self.written))

    @property
    def missing(self) -> bool:
        """A count the article never writes (a year is a question of scope, never read past)."""
        return self.counts and not self.in_article and not self.claims_year


class Claims:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.responder, self.kb = reader.responder, reader.kb
        tables = self.kb.tables
        self._cues = reader.reading.confirmations + reader.reading.claim_cues
        self._units = {fold(u.split()[0], tables) for u in self.kb.settings.counted_units}
        self._cue_words = {w for cue in self._cues for w in cue}
        self.checks = ClaimChecks(reader)  # what the reply says of them
        approximate = tuple((w,) for w in self.kb.settings.approximate_cues)
        self._hedges = approximate + reader.reading.claim_hedges  # "gần", "chỉ có": cut with it

    def _as_read(self, word: str) -> tuple[str, str]:
        """A word as the matcher reads it ("hỉ" is "nhỉ"), and folded."""
        read = (*message_memo.words(self.responder.matcher, word).tokens, word)[0]
        return read, fold(read, self.kb.tables)

    def stated(self, text: str) -> tuple[Claim, ...]:
        """The figures a message checking a figure states; none when it checks nothing."""
        if not any(map(str.isdigit, text)):  # a C loop, not a generator a character
            return ()
        words = message_memo.words(self.responder.matcher, text)
        cued = has_phrase(words.folded, self._cues, words.tokens) or tagged(
            self.reader.reading, words, self.responder.light_words
        )
        if not cued:  # "… 249 cán bộ nhỉ"
            return ()
        lexicon = self.responder.matcher.lexicon
        found, dated = self._dates(text)
        dated += [m.span() for m in _DAY_MONTH.finditer(text)]  # "nhớ là 6/8": no figures
        told = self._told_from(text)
        for hit in _NUMBER.finditer(text):
            if any(a < hit.end(1) and hit.start(1) < b for a, b in dated):
                continue  # a date's numbers are claimed as the date (above)
            if self._announces(text[hit.end(1) :]):
                continue  # "kiểm tra 3 con số: …": how many figures follow, no figure itself
            unit_typed = (hit.group(2) or "").lower()
            if unit_typed in self.kb.settings.reply_format_units:
                continue  # "tóm lại trong 2 dòng": the reply's length
            ratio = text[: hit.start()].lower().rstrip().endswith(("gấp", "gap"))  # "gấp 3 lần"
            if unit_typed in self.kb.settings.times_units and len(hit.group(1)) == 1 and not ratio:
                continue  # "mỗi năm lập 1 lần hả?": how often, under ten (not "xem 1.500 lần")
            number = canonical_number(hit.group(1))
            after = hit.group(2) or ""
            folded = fold(after.lower(), self.kb.tables)
            span = hit.span(1)
            factor = self.kb.tables.multipliers.get(after.lower())
            if factor is not None:  # "khoảng 2 nghìn cán bộ": 2000, counting what follows
                number, span = times(number, factor) or number, (hit.start(1), hit.end())
                after = next(iter(_WORD.findall(text[hit.end() :])), "")
                folded = fold(after.lower(), self.kb.tables)
            unit = after == "%" or folded in self._units
            if hit.start() < told and not unit and self._of_the_asker(text, hit.start()):
                continue  # "Bác năm nay 70 rồi. Bác nhớ bài nói có 612 …": of the asker
            counts = not self._names_something(text[: hit.start()]) and (
                unit
                or (cued and (not after or folded in self._cue_words))
                or (cued and lexicon.is_filler(*self._as_read(after.lower())))  # "31 hỉ?"
            )
            known = number in self.kb.article_numbers
            year = not unit and bool(_YEAR.fullmatch(hit.group(1)))  # "tầm 2012": no rounding
            near = None if known or year else self._rounded(text, span, number)
            if near is not None:  # "gần 2000 cán bộ": the article's 1.999 (bot/rounding.py)
                found.append(Claim(near, span, hit.group(1), True, counts, unit, rounded=True))
                continue
            found.append(Claim(number, span, hit.group(1), known, counts, unit))
        return tuple(found)

    def _of_the_asker(self, text: str, at: int) -> bool:
        """The sentence holding `at` tells of the asker, near nothing the article says ("Bác
        năm nay 70 rồi, mắt kém …"; not "Đảng viên là 721.", "Năm 2012 ban hành nghị quyết.")."""
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        start = max((e for e in ends if e <= at), default=0)
        end = min((e for e in ends if e > at), default=len(text))
        match = self.reader.match(_NUMBER.sub(" ", text[start:end]))  # (a figure unknown: weak)
        best = match.candidates[0].score if match.candidates else 0.0
        return best < self.kb.settings.thresholds.clarify or self.reader.several.introduces(match)

    def _dates(self, text: str) -> tuple[list[Claim], list[tuple[int, int]]]:
        """The dates a message states ("6/8/2018", "6.8.2018"), and where: the article's own
        date (day and month as it writes them, 06/08/2018) as its parts, which the article
        has; another ("8/6/2018") as one figure the article never writes."""
        claims, spans_ = [], []
        for date in DATE.finditer(text):
            day, month, year = (date_part(date.group(1)), date_part(date.group(2)), date.group(3))
            spans_.append(date.span())
            if f"{day}/{month}/{year}" in self.kb.article_text:
                parts = zip((day, month, year), (1, 2, 3), strict=True)
                claims += [
                    Claim(n, date.span(g), date.group(g), True, True, False) for n, g in parts
                ]
            else:
                written = date.group(0)
                claims.append(Claim(written, date.span(), written, False, True, False))
        return claims, spans_

    def _told_from(self, text: str) -> int:
        """Where the sentence that first says where a figure was read or heard begins ("Bác
        năm nay 70 rồi. Bác nhớ bài nói có 612 …"): before it, a number counting nothing the
        article counts in a sentence of the asker's own is no claim. A confirmation alone
        checks every sentence before it ("28 người … chỉ còn 11? Mình hiểu đúng không?")."""
        words = list(_WORD.finditer(text))
        folded = [fold(w.group(0).lower(), self.kb.tables) for w in words]
        cues = spans(folded, self.reader.reading.claim_cues, [w.group(0).lower() for w in words])
        if not cues:
            return 0
        at = words[min(a for a, _ in cues)].start()
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
        return ends[-1] if ends else 0

    def _rounded(self, text: str, span: tuple[int, int], number: str) -> str | None:
        """The figure a count of 100 or more after a word that only rounds it ("gần", "khoảng")
        is, within 5 %, of the fact the message asks without it ("gần 2.000 cán bộ": the staff's
        1.999); else None — never another fact's figure, never past "hơn", "dưới"."""
        words = _WORD.findall(text[: span[0]])
        cue = fold(words[-1].lower(), self.kb.tables) if words else ""
        if cue not in self.kb.settings.rounding_cues or float(number) < _ROUNDED_AT_LEAST:
            return None  # "khoảng 20 người": a small count is exact (19 is not 21)
        start = self._hedged(text, span[0])  # "gần 2.000 cán bộ" asks "bao nhiêu cán bộ"
        alone = f"{text[:start]} {self.reader.reading.claim_ask} {text[span[1] :]}"
        reply = self.reader.read_message(alone, (), ())  # preambles and all: the fact asked
        if reply.status != "answer":
            return None
        own = [f for i in reply.intents if (fact := self.kb.intent(i)) for f in fact.figures]
        return nearest_figure(float(number), own)

    def _announces(self, after: str) -> bool:
        """The words after a number name what a list counts ("3 con số", "hai số liệu")."""
        words = [fold(w.lower(), self.kb.tables) for w in _WORD.findall(after)[:3]]
        return any(tuple(words[: len(p)]) == p for p in self.reader.reading.list_things)

    def _names_something(self, before: str) -> bool:
        """ "Nghị quyết 03 …", "lớp 11": the number names something, it counts nothing."""
        words = [fold(w.lower(), self.kb.tables) for w in _WORD.findall(before)[-3:]]
        return any(tuple(words[-len(p) :]) == p for p in self.reader.reading.numbered_names)

    def without_missing(self, text: str, claims: tuple[Claim, ...]) -> str:
        """`text` asking the claimed counts the article never writes ("em ấy ghi 82 người học
        thạc sĩ" reads "… bao nhiêu người học thạc sĩ"); years stay, a question of scope."""
        year = self._year_asked(text, claims)
        if year is not None:
            return year  # "nghị quyết 03 ra năm 2012, đúng không?": its year asked
        if self.responder.refusal(text, self.reader.match(text)) is not None:
            return text  # "… của tỉnh Yên Bái nói gì": another place, whatever is claimed
        if not any(c.counts for c in claims):
            return text  # "sinh viên năm 3 …, để em ghi vào …": a number naming, no figure checked
        reading = self.reader.reading
        cuts = [  # (a rounded figure too: "gần 2.000 cán bộ" asks how many, the article's)
            (self._hedged(text, c.span[0]), c.span[1], reading.claim_ask)
            if not DATE.fullmatch(c.written)
            else (*c.span, reading.claim_date_ask)  # "ngày 8/6/2018": "ngày nào"
            for c in claims
            if c.missing or c.rounded
        ]
        cuts += [(a, b, "") for a, b in self._cue_spans(text)]  # "trên mạng ghi": no subject
        for start, end, new in sorted(cuts, reverse=True):
            text = f"{text[:start]} {new} {text[end:]}"
        return text

    def _hedged(self, text: str, start: int) -> int:
        """Where a claimed count starts with the words before it saying how near it is ("gần
        2.000", "chỉ có 600"): those are cut with it."""
        before = list(_WORD.finditer(text[:start]))[-3:]
        folded = tuple(fold(w.group(0).lower(), self.kb.tables) for w in before)
        hedges = self._hedges
        lengths = [len(h) for h in hedges if len(h) <= len(folded) and folded[-len(h) :] == h]
        return before[-max(lengths)].start() if lengths else start

    def _year_asked(self, text: str, claims: tuple[Claim, ...]) -> str | None:
        """A year the article never writes, claimed of a fact that gives its own year ("ban
        hành năm 2012, đúng không?"): asked as "năm nào". Of a count ("năm 2020 có 800 đảng
        viên, đúng không?") it stays a year the article has no figures for."""
        years = [c for c in claims if c.claims_year]
        if len(years) != 1:
            return None
        start, end = years[0].span
        year_ask = self.reader.reading.claim_year_ask  # "năm nào"
        before = list(_WORD.finditer(text[:start]))
        if before and fold(before[-1].group(0).lower(), self.kb.tables) == fold(
            year_ask.split()[0]
        ):
            start = before[-1].start()  # "năm 2012": the word for year is asked again
        asked = f"{text[:start]} {year_ask} {text[end:]}"
        reply = self.responder.decide(asked, self.reader.match(asked), None)
        if reply.status != "answer" or not all(gives_year(self.kb, i) for i in reply.intents):
            return None
        return asked

    def _cue_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the message says it checks a figure ("em ấy ghi", "trên mạng ghi"), in `text`."""
        words = list(_WORD.finditer(text))
        folded = [fold(w.group(0).lower(), self.kb.tables) for w in words]
        marked = [w.group(0).lower() for w in words]
        reading = self.reader.reading
        claim_cues = reading.claim_cues
        own = {b for _, b in spans(folded, reading.source_frames, marked)}
        asking = {a for a, _ in question_cues(folded, marked, reading)}
        cuts = sorted(  # (not "bài báo ghi bao nhiêu?": what the article writes, asked)
            (self._with_source(text, words, a), words[b - 1].end())
            for a, b in spans(folded, claim_cues, marked)
            if b not in own or b not in asking
        )
        found: list[tuple[int, int]] = []  # overlapping cuts ("đọc báo thấy", "thấy nói", a
        for a, b in cuts:  # source reaching the cue before it) are cut once
            if found and a <= found[-1][1]:
                a, b = found[-1][0], max(b, found.pop()[1])
            found.append((a, b))
        return [(a, b) for a, b in found if not _SENTENCE_END.search(text, a, b)]

    def _with_source(self, text: str, words: list[re.Match[str]], at: int) -> int:
        """Where a cue's cut starts: at the cue, or at its sentence's start when the few words
        before it only say where the figure was read ("Báo cáo ghi …", "Sổ sách ghi …"), naming
        no figure and nothing of the article."""
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, words[at].start())]
        first = next(i for i, w in enumerate(words) if w.start() >= (ends[-1] if ends else 0))
        if not 0 < at - first <= _SOURCE_WORDS:
            return words[at].start()
        before = text[words[first].start() : words[at].start()]
        named = self.responder.matcher.names_a_value(
            message_memo.words(self.responder.matcher, before)
        )
        if any(c.isdigit() for c in before) or named:
            return words[at].start()
        return words[first].start()

    def not_recalled(self, text: str, asked: str, claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
        """`claims` but the article's figures told before the question `asked` ("tôi nhớ bài
        nói có 1.066 người …. Còn trên đại học …?"): recalled, neither asked nor doubted."""
        start = text.lower().find(asked.strip().lower())
        if start <= 0:
            return claims  # the question is not a later part of the text (a closing cut)
        words = message_memo.words(self.responder.matcher, asked)
        if has_phrase(words.folded, self.reader.reading.confirmations, words.tokens):
            return claims  # "…: 712 …, 28 …. Đúng cả không?": the figures told are checked
        before = set(numbers_in(text[:start]))
        return tuple(c for c in claims if c.missing or c.number not in before)

    def leaves_out(self, asked: str, claims: tuple[Claim, ...]) -> bool:
        """Whether a question cut from its message (`asked`) leaves the figures claimed
        behind while pointing back at them ("Một bài đăng viết '… 28 người …'. Cái này có
        trong bài không?"): read without the claim, "cái này" is nothing."""
        if all(w in asked for w in counted_figures(claims)):
            return False
        return self.responder.follow_ups.words.points_back(self.reader.words(asked))
