"""A message of pleasantries only ("cảm ơn bạn, bài hay lắm", "tôi là giáo viên về hưu"):
the smalltalk it is, rather than a guess at a fact; and whether one piece of a message is a
pleasantry (a closing "…, thanks bạn" is read past)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import message_memo
from bot.openers import addresses, requests, tells_me
from bot.phrases import asks, has_phrase, outside, phrase_at, spans

if TYPE_CHECKING:
    from bot.normalize import Normalized
    from bot.reading import Reader
    from bot.reply import Reply

GREETING = "greet"  # the reply to a message that only says who is asking
LISTENING = "acknowledge"  # … and to one that only opens a question ("em muốn hỏi")
WISHES = "wishes"  # … and to a wish ("chúc bạn làm việc hiệu quả")
CALLED_BY = 2  # words at most before a call that are whom it calls ("ad ơi", "anh Thanh ơi")


_GREETINGS = frozenset({"chao", "xin", "hello", "hi", "alo", "helo"})


class Courtesy:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.responder, self.kb, self.reading = reader.responder, reader.kb, reader.reading
        self._phrased: dict[tuple[str, ...], str] | None = None  # read at its first use

    def only_pleasantry(self, question: str, reply: Reply) -> str | None:
        """The smalltalk a first message is, rather than `reply`: a pleasantry when the reply is
        unsure or the message only says who asks ("cảm ơn bạn, bài hay lắm"), a greeting when
        it opens by saying who asks and asks nothing ("tôi là giáo viên về hưu")."""
        unsure = reply.status in ("clarify", "fallback") and not reply.unstated
        opens = unsure or self._announces_questions(question)  # "… hỏi vài điều về bài báo"
        if opens and (waiting := self.only_opens(question)) is not None:
            return waiting  # "ad ơi", "em muốn hỏi": the question comes in the next message
        if unsure and (said := self.said_word_for_word(question)) is not None:
            return said  # "vậy hả", "đúng rồi": light words only, none left to match
        introduces = self.only_introduces(question)
        refused = unsure and self.responder.refusal(question, self.reader.match(question))
        if refused and not (introduces and self._each_says_who(question)):
            return None  # "Bot ơi, nhắc tôi 5 giờ chiều …": refused, not a greeting (but
            # "Chào, mình là producer ở Hà Nội": where the asker is from)
        if not (unsure or introduces):
            return None
        said = self.pleasantry_said(question)
        if said is None and introduces and self.says_who_first(question):
            return GREETING
        return said

    def pleasantry_said(self, question: str) -> str | None:
        """A message asking nothing that is a pleasantry in one of its pieces ("cảm ơn bạn, bài
        hay lắm"): that pleasantry's intent, rather than a guess at the rest."""
        if asks(message_memo.words(self.responder.matcher, question), self.reading):
            return self._thanked_for_done(question)  # "cảm ơn bạn đã giải thích": no ask
        thanked = self._thanks_for(question)
        if thanked is not None:
            return thanked  # "cảm ơn đã giúp chị kịp giờ lên sóng": not "giúp" (help)
        answer = self.kb.settings.thresholds.answer
        for piece, rest, _ in message_memo.pieces(question, self.kb.tables):
            if self._asks_after(rest):
                return None  # "Xin chào. Cán bộ … cấp xã là 20 hay 22?": the question after
            match = self.reader.match(piece)
            best = match.candidates[0] if match.candidates else None
            if best is not None and best.intent.kind == "smalltalk" and best.score >= answer:
                return best.intent.id
        # "dạ cảm ơn bạn nhiều lắm ạ", "kính chào quý vị": courtesy is weak in matching, yet
        # when a courtesy word is all the message holds of note, naming nothing of the article,
        # and a pleasantry is still closest (or nothing is close), it is that pleasantry
        words = self.reader.words(question)  # matched once for the message
        if self.responder.matcher.names_a_value(words):
            return None
        courteous, others = [], []
        for word, folded in zip(words.tokens, words.folded, strict=True):
            # "xin" also asks ("đơn xin nghỉ phép", "cho xin"): no pleasantry by itself
            kind = word in self.kb.settings.courtesy and folded not in self.reading.announcing_words
            (courteous if kind else others).append(word if kind else folded)
        best = next(iter(self.reader.match(question).candidates), None)
        thresholds = self.kb.settings.thresholds
        if not courteous or (
            best and best.intent.kind != "smalltalk" and best.score >= thresholds.clarify
        ):
            return None
        if best and best.intent.kind == "smalltalk" and best.score >= thresholds.suggest:
            return best.intent.id
        if len([f for f in others if f not in self.reader.light_words]) > 2:
            return None  # "viết code in ra hello world giúp mình": a task around the courtesy
        alone = next(iter(self.reader.match(" ".join(courteous)).candidates), None)
        sure = alone and alone.intent.kind == "smalltalk" and alone.score >= thresholds.answer
        return alone.intent.id if sure else None

    def _asks_after(self, rest: str) -> bool:
        """What follows a pleasantry is a question of the article: it ends asking and names a
        value of its facts (no question word needed: "… cấp xã là 20 hay 22?"), or it asks
        for something by name ("Chào buổi sáng. Cho tôi xin tên tác giả …")."""
        words = message_memo.words(self.responder.matcher, rest)
        asked_for = phrase_at(words.folded, self.reading.request_openers, words.tokens, 0)
        if asked_for and asked_for < len(words.folded):
            return True  # (what is asked for named after the request)
        return rest.rstrip().endswith("?") and self.responder.matcher.names_a_value(words)

    def _thanked_for_done(self, question: str) -> str | None:
        """Thanks for what was done ("Tốt, cảm ơn bạn đã giải thích."), its words of asking what
        was done: a message without a question mark whose other pieces are pleasantries."""
        if "?" in question:
            return None
        pieces = [piece for piece, _, _ in message_memo.pieces(question, self.kb.tables)]
        thanks = [(p, t) for p in pieces if (t := self._thanks_for(p)) is not None]
        if len(thanks) != 1 or not all(p == thanks[0][0] or self.is_pleasantry(p) for p in pieces):
            return None
        return thanks[0][1]

    def _thanks_for(self, question: str) -> str | None:
        """Thanks for what was done, opening the message: the pleasantry its thanks are."""
        words = self.reader.words(question)
        size = phrase_at(words.folded, self.reading.thanks_for, words.tokens, 0)
        best = next(iter(self.reader.match(" ".join(words.tokens[:size])).candidates), None)
        return best.intent.id if size and best and best.intent.kind == "smalltalk" else None

    def only_opens(self, question: str) -> str | None:
        """A message that calls whoever answers ("ad ơi") or opens a question ("cho hỏi cái",
        "em muốn hỏi chút nha") and says nothing else: a greeting to a call, "ask on" to an
        opener, rather than "the article does not say"."""
        words = self.reader.words(question)
        folded = words.folded
        openers = spans(folded, self.reading.question_openers, words.tokens)
        calls = [(a, b) for a, b in spans(folded, self.reading.calls, words.tokens) if a > 0]
        called = [(max(0, a - CALLED_BY), b) for a, b in calls]
        amounts = spans(folded, self.reading.opening_amounts, words.tokens) if openers else []
        # "… vài điều về bài báo": the article, beside an amount, names nothing asked yet
        topics = spans(folded, self.reading.opening_topics, words.tokens) if amounts else []
        said = set(outside(folded, [*openers, *called, *amounts, *topics]))
        if not (openers or calls) or not folded or said - self.opening_words:
            return None
        greets = folded[0] in _GREETINGS  # "xin chào, cho hỏi vài câu": a greeting first
        return LISTENING if openers and not greets else GREETING

    def _announces_questions(self, question: str) -> bool:
        """An opener saying how much it will ask ("tôi muốn hỏi vài điều"): questions to come,
        however like "what is the article about" its other words read."""
        words = self.reader.words(question)
        folded, tokens = words.folded, words.tokens
        openers = spans(folded, self.reading.question_openers, tokens)
        # asking ("tôi muốn hỏi vài điều"), not asking to be told ("cho tôi biết vài điều về …")
        asking = any("hoi" in folded[a:b] for a, b in openers)
        return asking and bool(spans(folded, self.reading.opening_amounts, tokens))

    @property
    def opening_words(self) -> frozenset[str]:
        return self.reading.opening_words | self.reading.announcing_words

    def wishes(self, question: str) -> bool:
        """ "chúc bạn làm việc hiệu quả": a wish opening a message that asks nothing, its other
        pieces pleasantries ("… nhé, cảm ơn"; not "chúc bạn một ngày tốt lành. Gửi mình …")."""
        words = message_memo.words(self.responder.matcher, question)
        if not phrase_at(words.folded, self.reading.wish_openers, words.tokens, 0):
            return False
        if asks(words, self.reading) or requests(words, self.reading):
            return False
        rest = message_memo.pieces(question, self.kb.tables)[1:]
        return all(self.is_pleasantry(piece) for piece, _, _ in rest)

    def said_word_for_word(self, question: str) -> str | None:
        """The smalltalk a message is word for word once folded, closing particles aside: a
        phrasing of one ("ok nha"), or an acknowledgement too light to match by ("vậy hả",
        "dạ đúng rồi nhé", "uh")."""
        if self._phrased is None:
            read = self.responder.matcher.read
            self._phrased = {
                read(p).folded: i.id
                for i in self.kb.intents
                if i.kind == "smalltalk"
                for p in (i.question, *i.phrasings)
            }
            self._phrased.update(dict.fromkeys(self.reading.acknowledgements, LISTENING))
        words = self.reader.words(question).folded
        while len(words) > 1 and words[0] in self.reading.opening_particles:
            words = words[1:]  # "dạ đúng rồi", "ủa vậy hả"
        while words:
            said = self._phrased.get(words)
            if said is not None or words[-1] not in self.reading.closing_particles:
                return said
            words = words[:-1]
        return None

    def only_introduces(self, question: str) -> bool:
        """ "chào em, anh là phóng viên": who the asker is beside a pleasantry, nothing asked (no
        question about the article's author)."""
        words = self.reader.words(question)  # matched once for the message
        if not self.reader.several.introduces_words(words):
            return False  # most messages: no one says who they are (looked at first: one look)
        if asks(words, self.reading) or requests(words, self.reading) or "?" in question:
            return False  # (a question mark asks: "cháu thi đại học nên chọn ngành gì hay y?")
        pieces = [p for p, _, _ in message_memo.pieces(question, self.kb.tables)]
        read = self.responder.matcher.read
        intros = [self.reader.several.introduces_words(read(p)) for p in pieces]
        return any(intros) and all(
            i or self.is_pleasantry(p) for p, i in zip(pieces, intros, strict=True)
        )

    def _each_says_who(self, question: str) -> bool:
        """Every piece of the message opens by saying who speaks, or is smalltalk for sure."""
        read, answer = self.responder.matcher.read, self.kb.settings.thresholds.answer
        for piece, _, _ in message_memo.pieces(question, self.kb.tables):
            words = read(piece)
            found = spans(words.folded, self.reading.introductions, words.tokens)
            if any(start == 0 for start, _ in found):
                continue
            best = next(iter(self.reader.match(piece).candidates), None)
            if best is None or best.intent.kind != "smalltalk" or best.score < answer:
                return False
        return True

    def says_who_first(self, question: str) -> bool:
        """A piece of the message opens by saying who speaks ("tôi là giáo viên về hưu"), not
        words that only look like it inside a request ("soạn giúp em lá đơn …")."""
        read = self.responder.matcher.read
        for piece, _, _ in message_memo.pieces(question, self.kb.tables):
            words = read(piece)
            found = spans(words.folded, self.reading.introductions, words.tokens)
            if any(start == 0 for start, _ in found):
                return True
        return False

    def is_pleasantry(self, piece: str) -> bool:
        """Asks nothing, names no value, and is smalltalk or near nothing the article says
        ("…, thanks bạn", "…, ngắn gọn thôi")."""
        words = message_memo.words(self.responder.matcher, piece)
        light = self.responder.light_words  # "…, thưa đồng chí?", "…, nói cho em với"
        if addresses(words, self.reading):
            return True
        if tells_me(words, self.reading, light):  # (not "nói ngắn gọn bài này nói gì": what)
            return not any(w.lower() in self.reading.what_asks for w in words.tokens)
        if asks(words, self.reading) or self.responder.matcher.names_a_value(words):
            return False  # read from the words alone, before any scoring
        if has_phrase(words.folded, self.reading.sameness_cues, words.tokens):
            return False  # "…, trùng hả?": whether two figures are the same, asked
        match = self.reader.match(piece)
        best = match.candidates[0] if match.candidates else None
        clarify = self.kb.settings.thresholds.clarify
        if best is not None and best.intent.kind != "smalltalk" and self._joins_facts(words):
            return False  # "…, nguồn báo và lượt xem của bài": two things, each near weak
        return best is None or best.intent.kind == "smalltalk" or best.score < clarify

    def _joins_facts(self, words: Normalized) -> bool:
        """A joiner ("và", "với") between words of which one side alone names a fact surely."""
        reading = self.reading
        joiners = spans(words.folded, reading.drop_joiners + reading.keep_joiners, words.tokens)
        answer = self.kb.settings.thresholds.answer
        for a, b in joiners:
            for side in (words.tokens[:a], words.tokens[b:]):
                found = self.reader.match(" ".join(side)).candidates if side else ()
                if found and found[0].intent.kind != "smalltalk" and found[0].score >= answer:
                    return True
        return False
