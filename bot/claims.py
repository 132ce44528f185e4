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

from bot import message_memo
from bot.group_facts import smallest_group
from bot.hearsay import without_hearsay
from bot.last_sentence import SENTENCES
from bot.normalize import canonical_number, fold
from bot.phrases import asks, ends_with, has_phrase, joined, spans
from bot.reply import Reply
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.normalize import Normalized
    from bot.reading import Reader

_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?![\w])(?:\s*(%|\w+))?")
_SENTENCE_END = re.compile(r"[.!?]\s")  # a cue never reads across it
_SOURCE_WORDS = 3  # words at most before a cue that say where a figure was read ("báo cáo")
_YEAR = re.compile(r"(19|20)\d\d")  # a year is a question of scope, never read past
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Claim:
    number: str  # canonical ("1066")
    span: tuple[int, int]  # where the message writes it
    written: str  # as the message writes it ("2.000" is no year, "2000" may be one)
    in_article: bool
    counts: bool  # followed by nothing, a unit the article counts, or a word that names nothing

    @property
    def claims_year(self) -> bool:
        """A year the article never writes (of a fact's own year, or a year out of scope)."""
        return not self.in_article and bool(_YEAR.fullmatch(self.written))

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

    def stated(self, text: str) -> tuple[Claim, ...]:
        """The figures a message checking a figure states; none when it checks nothing."""
        if not any(map(str.isdigit, text)):  # a C loop, not a generator a character
            return ()
        words = message_memo.words(self.responder.matcher, text)
        cued = has_phrase(words.folded, self._cues, words.tokens)
        if not (cued or self._tagged(words)):  # "… 249 cán bộ nhỉ"
            return ()
        lexicon = self.responder.matcher.lexicon
        found = []
        for hit in _NUMBER.finditer(text):
            if self._announces(text[hit.end(1) :]):
                continue  # "kiểm tra 3 con số: …": how many figures follow, no figure itself
            number = canonical_number(hit.group(1))
            after = hit.group(2) or ""
            folded = fold(after.lower(), self.kb.tables)
            unit = after == "%" or folded in self._units
            counts = not self._names_something(text[: hit.start()]) and (
                unit
                or (cued and (not after or folded in self._cue_words))
                or (cued and lexicon.is_filler(after.lower(), folded))
            )
            known = number in self.kb.article_numbers
            found.append(Claim(number, hit.span(1), hit.group(1), known, counts))
        return tuple(found)

    def _tagged(self, words: Normalized) -> bool:
        """A statement closed by a tag asking it be confirmed ("cấp xã có 249 cán bộ nhỉ"),
        asking nothing else: no question word, total, comparison, "còn" or "hay" ("cấp huyện
        có 10 người, vậy cấp xã mấy người nhỉ" asks the commune's figure)."""
        reading = self.reader.reading
        if not ends_with(words.tokens, reading.claim_tags):
            return False
        asking = joined(reading.tag_askers, reading.total_cues, reading.comparison_cues)
        return not (asks(words, reading) or has_phrase(words.folded, asking, words.tokens))

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
        asked = self.reader.reading.claim_ask
        cuts = [(*c.span, asked) for c in claims if c.missing]
        cuts += [(a, b, "") for a, b in self._cue_spans(text)]  # "trên mạng ghi": no subject
        for start, end, new in sorted(cuts, reverse=True):
            text = f"{text[:start]} {new} {text[end:]}"
        return text

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
        if reply.status != "answer" or not all(self._gives_year(i) for i in reply.intents):
            return None
        return asked

    def _gives_year(self, intent_id: str) -> bool:
        intent = self.kb.intent(intent_id)
        return intent is not None and "when" in intent.slots.get("ask", ())

    def _cue_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the message says it checks a figure ("em ấy ghi", "trên mạng ghi"), in `text`."""
        words = list(_WORD.finditer(text))
        folded = [fold(w.group(0).lower(), self.kb.tables) for w in words]
        marked = [w.group(0).lower() for w in words]
        claim_cues = self.reader.reading.claim_cues
        cuts = sorted(
            (self._with_source(text, words, a), words[b - 1].end())
            for a, b in spans(folded, claim_cues, marked)
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

    def checked(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply:
        """`reply` led by whether the article bears out the figures claimed."""
        reply = self._confirmed(question, reply, claims)
        reply = self._subject_named(question, reply, claims)
        reply = self._with_figure_owner(question, reply, claims)
        owned = self._owner_beside_unstated(question, reply, claims)
        if reply.status != "answer" or owned is not reply:
            return owned
        summed = self._summed(question, reply, claims)
        if summed is not None:
            return summed
        messages, shown = self.responder.messages, self.reader.figures.as_the_article_writes
        given = set(reply.intents)
        found = [c.number for c in claims if c.counts and given & set(self._holders(c.number))]
        found = list(dict.fromkeys(shown(n) for n in found))
        lines = [messages.claim_found.format(number=", ".join(found))] if found else []
        year_given = any(c.claims_year for c in claims) and all(map(self._gives_year, given))
        if any(c.missing for c in claims) or year_given:
            lines.append(messages.claim_missing)
        if not lines:
            return reply
        return replace(reply, text="\n".join((*lines, reply.text)))

    def _summed(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply | None:
        """ "trung cấp LLCT 355 người đúng không?": a figure the article never writes that is
        the declared sum of a group the reply's facts belong to — every part, and their sum."""
        given = set(reply.intents)
        for group in self.kb.groups:
            total = group.total
            if total is None or not given <= set(group.parts):
                continue
            value = canonical_number(total.value)
            if not any(c.missing and c.number == value for c in claims):
                continue
            parts = list(group.parts)
            whole = self.responder.answer_many(question, parts, reply.score, group, with_total=True)
            head = self.responder.messages.claim_sum.format(number=total.value)
            return replace(whole, text=f"{head}\n{whole.text}")
        return None

    def _subject_named(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply:
        """ "trên mạng ghi 82 người học thạc sĩ, có chính xác không?": a count claimed of a
        subject the bot ranks far ahead of any other is asked of that subject (the reply says
        the article has no such figure first)."""
        if reply.status != "clarify" or not reply.candidates:
            return reply
        if not any(c.missing for c in claims):
            return reply
        scores = [score for _, score in reply.candidates[:2]] + [0.0]
        thresholds = self.kb.settings.thresholds
        if scores[0] < thresholds.clarify or scores[0] - scores[1] < thresholds.lead:
            return reply
        return self.responder.answer_intent(reply.candidates[0][0], question=question) or reply

    def _confirmed(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply:
        """Of the facts the bot would ask back about, the one the claimed figure is of ("có
        phải 115 cán bộ cấp xã …?": the article's 115 are the district's, and its answer
        says so)."""
        if reply.status != "clarify":
            return reply
        holders = {h for c in claims if c.in_article for h in self._holders(c.number)}
        said = self._claim_sentence(question, claims)
        if said is not None:  # "Tôi làm kiểm chứng …. Huyện có 1.999 cán bộ, công chức. Đúng
            alone = self.reader.single(said, self.reader.match(said), ())  # không?": that one
            if alone.status == "answer" and set(alone.intents) <= holders:
                return replace(alone, question=question)
        offered = [s.intent_id for s in reply.suggestions] + [c for c, _ in reply.candidates[:5]]
        of_figure = [i for i in dict.fromkeys(offered) if i in holders]
        if len(of_figure) == 1:
            return self.responder.answer_intent(of_figure[0], question=question) or reply
        # "qlnn huyện 115 cộng xã 128 là bao nhiêu, đúng không?": each figure of one fact
        known = [self._holders(c.number) for c in claims if c.in_article]
        facts = [h[0] for h in known if len(h) == 1]
        if len(facts) < 2 or len(facts) != len(known) or not set(facts) <= set(offered):
            return reply
        group = smallest_group(self.reader.groups, facts)
        total = self.reader.totals.asks_total(question)
        return self.responder.answer_many(question, facts, reply.score, group, with_total=total)

    def _with_figure_owner(self, question: str, reply: Reply, claims: tuple[Claim, ...]) -> Reply:
        """ "có 300 cán bộ cấp huyện học trung cấp, phải không?": the article's 300 are the
        communes'; "có phải 1.066 người là đảng viên?": its 1.066 hold a degree. The fact asked,
        and beside it the one the figure is of (its only one)."""
        if reply.status != "answer":
            return reply
        given = list(reply.intents)
        holders = [self._holders(c.number) for c in claims if c.in_article and c.counts]
        owners = [h[0] for h in holders if len(h) == 1 and h[0] not in given]
        if not owners:
            return reply
        facts = list(dict.fromkeys((*given, *owners)))
        group = smallest_group(self.reader.groups, facts)
        return self.responder.answer_many(question, facts, reply.score, group)

    def _owner_beside_unstated(
        self, question: str, reply: Reply, claims: tuple[Claim, ...]
    ) -> Reply:
        """ "bài này nói 1.800 lượt viên chức y tế đúng không?": the article says nothing of
        what is named (health), and the figure claimed is its own of something else (the
        education sector) — both said, the figure's fact answered."""
        if reply.status != "fallback" or not reply.unstated:
            return reply
        holders = [self._holders(c.number) for c in claims if c.in_article and c.counts]
        owners = list(dict.fromkeys(h[0] for h in holders if len(h) == 1))
        if len(owners) != 1:
            return reply
        owner = self.responder.answer_many(question, owners, reply.score)
        messages, shown = self.responder.messages, self.reader.figures.as_the_article_writes
        numbers = ", ".join(shown(c.number) for c in claims if c.in_article and c.counts)
        said = reply.text.split("\n", 1)[0]  # what the article does not say
        found = messages.claim_found.format(number=numbers)
        return replace(owner, text=f"{said}\n{found}\n{owner.text}")

    def leaves_out(self, asked: str, claims: tuple[Claim, ...]) -> bool:
        """Whether a question cut from its message (`asked`) leaves the figures claimed
        behind while pointing back at them ("Một bài đăng viết '… 28 người …'. Cái này có
        trong bài không?"): read without the claim, "cái này" is nothing."""
        if all(w in asked for w in _counted_figures(claims)):
            return False
        return self.responder.follow_ups.words.points_back(self.reader.words(asked))

    def _claim_sentence(self, question: str, claims: tuple[Claim, ...]) -> str | None:
        """The one sentence of a message of several that writes every figure claimed."""
        sentences = [s for s in SENTENCES.split(question.strip()) if s]
        written = _counted_figures(claims)
        holding = [s for s in sentences if written and all(w in s for w in written)]
        if len(sentences) < 2 or len(holding) != 1:
            return None
        return without_hearsay(self.reader, holding[0]) or holding[0]  # "có người nói rằng …"

    def _holders(self, number: str) -> list[str]:
        return self.responder.facts_with_figure(number)


def _counted_figures(claims: tuple[Claim, ...]) -> list[str]:
    """The figures claimed that the article writes and that count (as the message writes them)."""
    return [c.written for c in claims if c.in_article and c.counts]
