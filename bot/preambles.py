"""Where the question starts in a long message: after a preamble (who asks, why, greetings)
and an opener ("…, cho em hỏi: …"), or after the introductions it opens with; a few words naming
a topic before a colon are no preamble ("Trung cấp LLCT: cấp xã hơn cấp huyện bao nhiêu?")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import message_memo
from bot.courtesy import Courtesy
from bot.greetings import Greetings
from bot.last_sentence import SURE, last_question
from bot.normalize import Normalized, clean
from bot.openers import after_opener, requests, tells_me, without_joiner
from bot.phrases import (
    asks,
    has_phrase,
    joined,
    outside,
    own_words,
    phrase_at,
    question_cues,
    spans,
)
from bot.preamble_topic import corrects, figure_requested, request_topic, says_who_asks
from bot.purposes import SENTENCE_END, without_purpose
from bot.source_frames import without_frame
from bot.topic_heads import is_a_label, reads_by_topic, requested_topic

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.reply import Reply

GREETING_WORDS = 2  # a clause this short before an opener greets ("hi bn"), asks nothing
OPENER_TAIL = 2  # words at most after an opener that opens a message ("xin phép hỏi một chút")


class Preambles:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.responder, self.kb, self.reading = reader.responder, reader.kb, reader.reading
        self.light_words = reader.light_words
        self.courtesy = Courtesy(reader)  # a message, or its closing pieces, of pleasantries only
        self.greetings = Greetings(reader)  # "xin chào", "hi": smalltalk for sure

    def question_after(self, question: str) -> str | None:
        """The question after "cho em hỏi", when what comes before it asks for no fact: who
        the asker is, why they ask, greetings; or after the greetings and introductions it
        opens with ("Xin chào, tui ở Sài Gòn nè, …")."""
        parts = after_opener(question, self.reading, self.kb.tables)
        if parts is None:  # a story, then the question ("…. Bài nói … gì vậy?")
            rest = self._after_introductions(question)
            if rest is None or not self._answered(rest):  # the last sentence, when the rest
                # tells more of the asker ("Tôi là cô giáo. Tôi ở bản xa. …. Bài này ai viết?")
                return last_question(self.reader, question) or rest
            return rest
        before, asked = parts
        if self.greetings.surely(asked) and self.responder.matcher.names_a_value(
            self.reader.words(before)
        ):
            return self.question_after(before) or before  # "… xem giúp bà với, cám ơn cháu"
        if not before.strip():
            return asked  # "bà em hỏi là huyện có bao nhiêu cán bộ?": the question relayed
        before = without_joiner(before, self.reading, self.kb.tables)  # "…, đồng thời đề nghị …"
        head = figure_requested(self.reader, before)
        if head is not None:  # "…. Giờ mình cần con số về bồi dưỡng QLNN …: bao nhiêu …?"
            return f"{head}: {asked.strip()}"
        if self._only_asks(before):
            return None  # "Ai cho biết điều này?": the opener's subject is the question word
        match = self.reader.match(before)
        # who asks is never what the values are of ("nhà báo hỏi chút: …" says who asks too)
        asker = message_memo.words(self.responder.matcher, f"{before} hỏi")
        if self.reader.several.introduces(match) or self.reader.several.introduces_words(asker):
            return self._with_its_subject(before, self._past_its_sentence(asked))
        reply = self.responder.decide(before, match, None)
        if (
            not self._pleasantry_then_question(reply, asked)
            and self._only_values(asked)
            and not SENTENCE_END.search(before)  # sentences: no label
            and not says_who_asks(self.reader, before)  # "Thính giả hỏi: huyện có bao nhiêu …?"
        ):
            return None  # "Cán bộ trẻ giữ chức chủ chốt: ở huyện bao nhiêu, ở xã bao nhiêu?"
        if self._sums_what_follows(before, asked):
            return None  # "Tính giúp tổng số … các lớp: A, B và C": the sum of what is listed
        if requested_topic(self.reader, before) and reads_by_topic(self.reader, question):
            return None  # "Cho tôi số liệu LLCT: cao cấp, …": the topic of every item, kept
        if is_a_label(self.responder.matcher, before, match.question):
            return None  # "Trung cấp llct: cấp xã hơn cấp huyện bao nhiêu?": the topic, kept
        asked_before = any(mark in before for mark in "?;")  # "Đề nghị cho biết A; xin hỏi B"
        if reply.status == "clarify" and asked_before and asks(match.question, self.reading):
            return None  # "A và B mỗi loại bao nhiêu? Tiện cho hỏi C": questions, not a preamble
        if reply.status != "answer" and self._asks_surely(before):
            return None  # "…: một là A gì, hai là ông X cho biết B ra sao?": "cho biết" said
        return self._with_its_subject(before, asked) if reply.status != "answer" else None

    def _sums_what_follows(self, before: str, asked: str) -> bool:
        """ "Tính giúp tổng số … các lớp: A, B và C": a total asked of a list after it."""
        totals = self.reader.totals
        if not totals.asks_total(before) or totals.asks_total(asked):
            return False
        items = message_memo.clauses(asked, self.reading, self.kb.tables, as_list=True)
        return len(items) >= 2

    def _pleasantry_then_question(self, before: Reply, asked: str) -> bool:
        """ "chúc bạn vui vẻ, cho hỏi huyện có bao nhiêu cán bộ": a pleasantry, or words naming
        no fact ("Hi bot, mình cần số liệu gấp cho slide: tổng số CBCC …?"), are no subject of a
        question answered surely alone (but "cảm ơn, cho hỏi cấp huyện bao nhiêu?" is)."""
        if before.status != "smalltalk" and (before.status != "fallback" or before.unstated):
            return False
        alone = self.reader.single(asked, self.reader.match(asked), ())
        return alone.status == "answer" and alone.score >= SURE

    def _asks_surely(self, before: str) -> bool:
        """A clause before the opener asks by a word of its own and is answered surely."""
        for clause in message_memo.clauses(before, self.reading, self.kb.tables):
            match = self.reader.match(clause.text)
            if not clause.own_cue or len(clause.text.split()) <= GREETING_WORDS:
                continue  # "hi bn, …": a greeting, whatever "bn" may ask
            if self.reader.single(clause.text, match, ()).status == "answer":
                return True
        return False

    def _only_asks(self, before: str) -> bool:
        """Nothing before the opener but a question word ("ai" of "ai cho biết …")."""
        words = message_memo.words(self.responder.matcher, before)
        cues = question_cues(words.folded, words.tokens, self.reading)
        return bool(words.folded) and sum(b - a for a, b in cues) == len(words.folded)

    def _only_values(self, asked: str) -> bool:
        """Every question after the opener names only slot values: what precedes, their subject."""
        several = self.reader.several
        clauses = message_memo.clauses(asked, self.reading, self.kb.tables)
        return all(
            several.only_qualifies(self.reader.match(self._not_each(c.text))) for c in clauses
        )

    def _not_each(self, text: str) -> str:
        """ "cấp xã mỗi cấp có bao nhiêu người" without "mỗi cấp", "cấp xã gấp mấy lần cấp
        huyện" without "gấp mấy lần": asked of each value named, or of two compared."""
        words = message_memo.words(self.responder.matcher, text)
        cues = joined(self.reading.distributive_cues, self.reading.comparison_cues)
        each = spans(words.folded, cues, words.tokens)
        return " ".join(outside(words.tokens, each)) if each else text

    def _with_its_subject(self, before: str, asked: str) -> str:
        """ "…, cho em hỏi là bao nhiêu người ạ", "…: tổng bao nhiêu?", "…: đề nghị cho số liệu": a
        bare question (a sum, the figures) asks about what the last words before it said, when
        they introduce no one."""
        words = self.reader.match(asked)
        unit = self.responder.follow_ups.words.counts_a_unit(words.question)
        told = unit or tells_me(words.question, self.reading, self.light_words)
        if not (words.only_question_words or told or self.reader.totals.only_total_cues(words)):
            return asked
        if asks(self.reader.match(before).question, self.reading):
            return asked  # "bí thư xã: mấy người; chủ tịch MTTQ: mấy người?": questions before
        pieces = [piece for piece, _, _ in message_memo.pieces(before, self.kb.tables)]
        said = pieces[-1] if pieces else ""
        if not said or self.reader.several.introduces(self.reader.match(said)):
            return asked
        return f"{said}, {asked}"

    def _past_its_sentence(self, asked: str) -> str:
        """ "mình là giáo viên, … muốn biết cả ngành được bồi dưỡng nhiều cỡ nào. Thanks. Mỗi
        năm … bao nhiêu lượt?": the rest of the introducing sentence, unanswerable, is still
        the preamble when a later sentence asks."""
        pieces = message_memo.pieces(asked, self.kb.tables)
        rest = pieces[0][2] if pieces else ""
        if not rest or not asks(message_memo.words(self.responder.matcher, rest), self.reading):
            return asked
        first = asked[: asked.rfind(rest)] if rest in asked else ""
        opening = self.responder.decide(first, self.reader.match(first), None) if first else None
        return rest if opening is not None and opening.status != "answer" else asked

    def past_introductions(self, question: str) -> str | None:
        """What follows who asks, when the message opens by saying so ("tui làm Ban Tổ chức
        Tỉnh ủy, đang tổng hợp …. Điện Biên Đông cử bao nhiêu …?"), answered; else None."""
        rest = self._after_introductions(question)
        return rest if rest is not None and self._answered(rest) else None

    def _after_introductions(self, question: str) -> str | None:
        rest, introduced, greeted = None, False, True
        for piece, after, after_sentence in message_memo.pieces(question, self.kb.tables)[:-1]:
            words = message_memo.words(
                self.responder.matcher, piece
            )  # the words alone tell: no scoring
            introduces = self.reader.several.introduces_words(words)
            # "ý mình là 712 người đi học ĐH á, tính tới lúc nào?": what is meant, then asked
            # of; "Mình đang cần con số đảng viên trong …": who asks, asking: the question
            if introduces and corrects(self.reader, words):  # cut only when a question names more
                introduces = self.responder.matcher.names_a_value(self.reader.words(after))
            topic = request_topic(self.reader, words) if introduces else None
            if topic is not None:  # the question from what is asked for on
                rest, introduced = f"{topic}, {after}" if after else topic, True
                break
            light = all(w in self.light_words for w in words.folded) or self._only_opens(words)
            # "Alô, em chào anh chị, em là Thảo, …": a greeting on the line before who speaks
            light = light or (not introduced and self.courtesy.is_pleasantry(piece))
            if not (introduces or light):
                break
            # who asks, and the rest of that sentence when a later one asks the question — but
            # not when that one names nothing ("…, cần kiểm tra con số … . Là bao nhiêu lượt?")
            rest = after_sentence if introduces and after_sentence else after
            if rest is after_sentence and self._bare(after_sentence):
                rest = after
            introduced = introduced or introduces
            greeted = greeted and self.greetings.surely(piece)
        # only a message saying who asks is cut ("Tôi đang ghi là …, có đúng không?": the
        # claim), or greetings before a question the article surely answers alone ("xin chào,
        # bài của báo nào?": its plain words weigh less than the greeting's)
        greeting = greeted and not SENTENCE_END.search(rest or "") and self._fact_surely(rest)
        if not rest or not (introduced or greeting) or self.courtesy.is_pleasantry(rest):
            return None  # "…. Xin cảm ơn.": thanks closing the question, never the question
        return None if self.reader.several.confirms(self.reader.match(rest)) else rest

    def _bare(self, text: str) -> bool:
        """Only question words and light ones ("Là bao nhiêu lượt?"), or none ("… . ?" once a
        claim's "đúng chưa" is read apart): it names nothing."""
        words, light = message_memo.words(self.responder.matcher, text), self.light_words
        return not words.folded or not own_words(words.folded, words.tokens, self.reading, light)

    def _only_opens(self, words: Normalized) -> bool:
        """ "Xin phép hỏi một chút, tôi đang …": an opener and a word or two of its own."""
        size = phrase_at(words.folded, self.reading.question_openers, words.tokens, 0)
        return (
            bool(size) and len(words.folded) - size <= OPENER_TAIL and not asks(words, self.reading)
        )

    def without_frame(self, question: str) -> str | None:
        return without_frame(self.reader, question)  # "bài viết nói …" (source_frames.py)

    def without_aside(self, question: str) -> str | None:
        """ "Cho mình xin tên tác giả bài báo để dẫn nguồn cho đúng": the question without why
        it is asked, said after it — when the rest asks and the aside asks nothing."""
        cleaned = clean(question, self.kb.tables)
        folded = message_memo.folded_text(cleaned, self.kb.tables)  # positions hold
        source = self.reading.source_asides  # these ask, of what was asked before them
        for pattern in (*self.reading.purpose_asides, *source):
            found = pattern.search(folded)
            if found is None or not found.start():
                continue
            kept = cleaned[: found.start()].rstrip(" ,;:-–—")
            aside = message_memo.words(self.responder.matcher, cleaned[found.start() :])
            words = message_memo.words(self.responder.matcher, kept)
            confirms = has_phrase(aside.folded, self.reading.confirmations, aside.tokens)
            if not kept or (asks(aside, self.reading) and pattern not in source) or confirms:
                continue  # "… để đưa về xã đúng không?": what is asked, not why
            if self._narrows_after_comma(cleaned[found.start() :]):
                continue  # "… để đưa vào bài, chỉ cấp xã thôi": the question narrowed after it
            if asks(words, self.reading) or requests(words, self.reading) or self._answered(kept):
                return kept
            if self.reader.read_alone(kept).status == "answer":  # "Cho tôi A và B để trích dẫn."
                return kept
        return None

    def _narrows_after_comma(self, aside: str) -> bool:
        pieces = aside.split(",")[1:]  # (a purpose names no value; what follows its comma may)
        return any(self.responder.matcher.names_a_value(self.reader.words(p)) for p in pieces)

    def without_purpose(self, question: str) -> str | None:
        """ "cần ghi nguồn khi đăng lại, bài này của báo nào?": the question past why it is asked
        (bot/purposes.py)."""
        return without_purpose(self.reader, question, self._answered)

    def _fact_surely(self, text: str | None) -> bool:
        """One sentence the article surely answers alone with a fact (no pleasantry)."""
        if not text:
            return False
        reply = self.responder.decide(text, self.reader.match(text), None)
        fact = self.kb.intent(reply.intent or "") if reply.status == "answer" else None
        return fact is not None and fact.kind != "smalltalk" and reply.score >= SURE

    def _answered(self, text: str) -> bool:  # (both levels too: "Mình cần số … trung cấp")
        return self.reader.single(text, self.reader.match(text), ()).status == "answer"

    def without_closing(self, question: str) -> str | None:
        """The question without the pleasantries or asides that close it ("bài của báo nào,
        thanks bạn", "…, cảm ơn cháu", "…, ngắn gọn thôi"): pieces after the last that asks.
        None when nothing closes it, or nothing before asks."""
        pieces = message_memo.pieces(question, self.kb.tables)
        cut = len(pieces)
        while cut > 1 and self.courtesy.is_pleasantry(pieces[cut - 1][0]):
            cut -= 1
        if cut == len(pieces):
            return None
        cleaned = clean(question, self.kb.tables)
        kept = cleaned[: cleaned.rfind(pieces[cut][0])].rstrip(" ,;:-–—")
        if self.responder.follow_ups.quotes.only_quotes(self.reader.match(question)):
            return None  # "câu nào trong bài nêu số ấy — xin trích nguyên văn": the wording asked
        words = message_memo.words(self.responder.matcher, kept)
        if asks(words, self.reading) or requests(words, self.reading):  # "tôi cần biết …"
            return kept
        light = self.responder.light_words  # "A, B, C, liệt kê giúp mình": the request asks
        told = any(tells_me(self.reader.words(p), self.reading, light) for p, *_ in pieces[cut:])
        return kept if told else None
