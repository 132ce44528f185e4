"""A list of items sharing one question word: "tổng số cán bộ, số có bằng đại học và số đảng
viên là bao nhiêu?", "what's the date, author and views?". Read only when every item, on its
own, names one fact surely; an opening phrase ("sau khi được đào tạo, …") is no item."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot import message_memo
from bot.ask_agreement import studies_asked
from bot.clause_choice import asks_of_the_one_before
from bot.group_facts import gives_figures, smallest_group
from bot.half_lists import half_of_a_list
from bot.item_frames import another_kind, fits_frame, keeps_stage
from bot.kb.bound_pairs import COMMA
from bot.level_labels import level_label
from bot.levels import narrowed, one_level
from bot.list_openers import frame_alone, sets_where
from bot.phrases import count_of, has_phrase, joined, outside, question_cues, spans
from bot.reply import Reply
from bot.shared_values import moves, side_by_side, with_carried_topic
from bot.topic_heads import with_shared_topic
from bot.understanding import Clause, names_a_count
from bot.values_beside import ValuesBeside, sure_fact

if TYPE_CHECKING:
    from bot.matcher import Match
    from bot.reading import Reader
    from bot.several import Several

MAX_ITEMS = 5  # items of a list sharing one question word
BOUND_NOUN = 2  # words of the noun a list's last item asks about ("báo nào", "ngày đăng nào")


class Items:
    def __init__(self, reader: Reader, several: Several) -> None:
        self.reader, self.several = reader, several
        self.responder, self.kb = reader.responder, reader.kb
        self.reading, self.light_words = reader.reading, reader.light_words
        self.beside = ValuesBeside(reader, several)  # "… đại học vs trên đại học?"

    def read(self, question: str, whole: Reply) -> Reply | None:
        """ "tổng số cán bộ, số có bằng đại học và số đảng viên là bao nhiêu?": items sharing
        the one question word of the last, each naming one fact surely on its own."""
        words = self.reader.words(question)
        joiners = joined(self.reading.drop_joiners, self.reading.keep_joiners)
        if not COMMA.search(question) and not has_phrase(words.folded, joiners, words.tokens):
            return None  # nothing to cut at: no list
        items = message_memo.clauses(question, self.reading, self.kb.tables, as_list=True)
        # "Cấp huyện: bao nhiêu người học A, B và C?"
        label, items = level_label(self.reader, self.several, question, items)
        items = items if label is not None else with_shared_topic(self.reader, question, items)
        if not 2 <= len(items) <= MAX_ITEMS or self._any_empty(items):
            return None  # "… đại học rồi ạ?": "ạ" is no item (read from the words, unmatched)
        if sets_where(self.reader, items[0]):
            return None  # "trong số cán bộ đó, dưới xã …": where the rest counts, no item
        if frame_alone(
            self.reader, items[0]
        ):  # "Những năm qua, huyện cử bao nhiêu người học A, B?"
            items = items[1:]  # (when the rest is asked of: no item)
            if len(items) < 2:
                return None
        if self._compares_places(question, items):
            return None  # "Huyện tôi có 5 người học thạc sĩ, Điện Biên Đông thì bao nhiêu?"
        beside = self.beside.first_asks_each(items)
        if beside is not None and not set(beside[0]) <= set(whole.intents or ()):
            return self._answer(question, *beside)
        relaxed = whole.status != "answer"
        if not relaxed and not self._shares_its_ask(items):
            return None  # unanswered whole, every item sure on its own: a list all the same
        summed = len(items) > 2 and self._only_sums(items[-1])  # "…, cộng hết là bao nhiêu?"
        found = self._facts(items[:-1] if summed else items, label)
        if found is None and not summed and label is None:  # "số thạc sĩ và số đại học …?"
            return half_of_a_list(self.reader, question, items, whole)
        if found is None or set(found[0]) <= set(whole.intents or ()):
            return None
        if not studies_asked(self.responder, words, found[0], shared=True):
            return None  # "Chủ tịch, bí thư xã thì cho học cái gì?": no count of those sent
        return self._answer(question, *found, summed=summed)

    def _compares_places(self, question: str, items: list[Clause]) -> bool:
        """An item of the asker's own place, the article's district named: no list."""
        said = [self.reader.words(text) for text in (question, *(i.text for i in items))]
        named = [has_phrase(w.folded, self.reading.own_place, w.tokens) for w in said[1:]]
        return any(named) and has_phrase(said[0].folded, self.reading.article_place, said[0].tokens)

    def announced(self, question: str) -> Reply | None:
        """ "cho hỏi 3 số: tổng cb, số đảng viên, số có bằng đại học", "A, B — cho mình xin cả
        hai": a list whose announced count its items, each naming one fact, make up."""
        if not any(map(str.isdigit, question)) and not self._count_word(question):
            return None
        items = message_memo.clauses(question, self.reading, self.kb.tables, as_list=True)
        if not 3 <= len(items) <= MAX_ITEMS + 1:
            return None
        counts = [
            self._announces(item, position, len(items)) for position, item in enumerate(items)
        ]
        announced = [c for c in counts if c is not None]
        if len(announced) != 1:
            return None
        rest = [item for item, c in zip(items, counts, strict=True) if c is None]
        # "Xin 3 số của cấp huyện: …": the level the announcement names, for every item
        first = counts[0] is not None and self.reader.match(items[0].text)
        level = one_level(self.responder, first) if first else None
        found = self._facts(rest, level, announced=True)
        if found is None or len(found[0]) != announced[0]:
            return None
        return self._answer(question, *found)

    def _count_word(self, question: str) -> bool:
        """A number word that may announce a count ("ba con số"): from the words alone, unmatched."""
        roles, tables = self.kb.tables.number_roles, self.kb.tables
        return any(count_of(w, roles) for w in message_memo.folded_words(question, tables))

    def _announces(self, item: Clause, position: int, items: int) -> int | None:
        """The count a piece of the message announces ("cho hỏi 3 số", "cả ba"), else None."""
        question = self.reader.words(item.text)
        folded, marked = question.folded, question.tokens
        roles = self.kb.tables.number_roles
        for i, word in enumerate(folded):
            count = count_of(word, roles)
            if count is None:
                continue
            after = spans(folded[i + 1 :], self.reading.list_things, marked[i + 1 :])
            thing = next((b for a, b in after if a == 0), 0)
            before = spans(folded[:i], self.reading.list_all, marked[:i])
            every = any(b == i for _, b in before) and position == items - 1
            if not thing and not every:
                continue
            start = min((a for a, b in before if b == i), default=i) if every else i
            rest = (*folded[:start], *folded[i + 1 + thing :])
            if all(w in self.reading.announcing_words or w in self.light_words for w in rest):
                return count
        return None

    def _nothing_asked(self, match: Match) -> bool:
        """Light words only, and no question word but a yes-or-no one ("báo nào" asks)."""
        words = match.question
        cues = question_cues(words.folded, words.tokens, self.reading)
        yes_no = self.reading.yes_no_cues
        return self.light_words.issuperset(words.folded) and all(
            tuple(words.folded[a:b]) in yes_no for a, b in cues
        )

    def _facts(
        self, items: list[Clause], level: str | None = None, announced: bool = False
    ) -> tuple[list[str], list[float], list[str]] | None:
        """The one fact each item names surely (thanks around the list are no item), every one
        distinct, with its score and text; None when an item names none, or fewer than two.
        `level`: the level a label before the list named; `announced`: the message said how many
        items it lists ("3 cái: …, cb cc cấp xã, …"), so a level and a role are one of them."""
        answer = self.kb.settings.thresholds.answer
        facts: list[str] = []
        scores: list[float] = []
        texts: list[str] = []
        named: dict[str, set[str]] = {}
        for at, item in enumerate(items):
            if at == len(items) - 1:  # "…, B khác nhau thế nào?": B, and how the two compare
                item = self._without_likeness(item)
            match = self.reader.match(item.text)
            if at in (0, len(items) - 1) and self._pleasantry(item.text, match):
                continue  # "…, author and view count? tks", "… — gửi mình luôn nhé": no item
            if at and asks_of_the_one_before(self.reading, self.light_words, match):
                continue  # "…, bài báo có đề cập gì chăng?": what the article says of the rest
            if at and self._nothing_asked(match):
                continue  # "… — mình ghi vậy có khớp bài không?": its claim's words read, none left
            before = {k: set(v) for k, v in named.items()}  # what the items before named
            own = self.responder.matcher.slot_values(match.question)  # … and this one
            # "cao cấp llct, trung cấp llct và …": another value of a slot an item before named
            parallel = side_by_side(self.responder, match, named) and at > 0
            qualifies = self.several.only_qualifies(match) and not names_a_count(match)
            # "hiện nay … trình độ đại học, trên đại học, lý luận chính trị": a value of another
            # kind (no level, no role) after items that set the list's frame — an item whose
            # fact must fit that frame
            loose = qualifies and not (parallel or announced)
            if self.several.introduces(match) or (loose and not another_kind(own, before)):
                return None
            bare = match.only_question_words and not self.noun_and_its_ask(item)
            # "…, khoảng bao nhiêu lượt vậy": the count of what the items before name
            bare = bare or self.responder.follow_ups.words.counts_a_unit(match.question)
            if bare or self.reader.totals.only_total_cues(match):
                return None  # "…, tất cả là bao nhiêu?": the sum of the others, not an item
            reply = self.reader.single(item.text, match, ())
            unsure = sure_fact(reply, self.kb.settings.thresholds) is None
            if announced and unsure and facts and one_level(self.responder, match):
                # "cả 4 số: cán bộ công chức toàn huyện, số ở xã, …": the item before, at its level
                reply = self.reader.single(item.text, match, (facts[-1],))
            own_level = one_level(self.responder, match)
            if level and (len(reply.intents) > 1 or parallel) and not own_level:
                reply = narrowed(self.responder, reply, level)  # the level an item before named
            level = own_level or level  # "cán bộ cấp huyện … chuyên viên, cao cấp, trung cấp"
            reply = with_carried_topic(self.responder, match, reply, named) if at else reply
            fact = sure_fact(reply, self.kb.settings.thresholds)
            if (
                fact is None
                or reply.score < answer
                or (qualifies and not gives_figures(self.kb, fact))
            ):
                return None  # an item of a level and a role alone (announced, or beside
                # another value): its count, never a fact the article gives no figure for
            if loose and not fits_frame(self.kb.intent(fact), own, before):
                return None
            if at and not keeps_stage(self.kb.intent(fact), own, before):
                return None  # "hiện có … đại học và thạc sĩ": the masters sent are not held now
            facts.append(fact)
            scores.append(reply.score)
            texts.append(item.text)
        if len(facts) < 2 or len(set(facts)) < len(facts):
            return None
        return facts, scores, texts

    def _any_empty(self, items: list[Clause]) -> bool:
        matcher = self.responder.matcher
        filler = matcher.lexicon.is_filler
        return any(
            all(filler(t.lower(), w) for t, w in zip(n.tokens, n.folded, strict=True))
            for n in (self.reader.words(i.text) for i in items)
        )

    def _without_likeness(self, item: Clause) -> Clause:
        question = self.reader.words(item.text)
        found = spans(question.folded, self.reading.likeness_asks, question.tokens)
        if not found:
            return item
        return replace(item, text=" ".join(outside(question.tokens, found)))

    def _only_sums(self, item: Clause) -> bool:
        """A last piece asking only for the sum of the items before ("cộng hết là bao nhiêu")."""
        match = self.reader.match(item.text)
        return self.reader.totals.only_total_cues(match) and not match.only_question_words

    def _answer(
        self,
        question: str,
        facts: list[str],
        scores: list[float],
        texts: list[str],
        summed: bool = False,
    ) -> Reply:
        words = self.reader.words(question)
        items = list(zip(facts, texts, strict=True))
        moved = moves(self.responder, words, items, self.several.only_values_in)
        facts = [moved[f].id if f in moved else f for f in facts]  # "cb xã và cb huyện học tc"
        group = smallest_group(self.reader.groups, facts)
        total = summed or (bool(moved) and self.reader.totals.asks_total(question))
        return self.responder.answer_many(question, facts, min(scores), group, with_total=total)

    def noun_and_its_ask(self, clause: Clause) -> bool:
        """ "…, báo nào (thế)?": a noun of at most two words and the question word asking
        about it, filler after it aside."""
        question, filler = self.reader.words(clause.text), self.kb.settings.filler
        found = spans(question.folded, self.reading.bound_asks, question.tokens)
        return any(
            1 <= a <= BOUND_NOUN and all(t in filler for t in question.tokens[b:]) for a, b in found
        )

    def _pleasantry(self, text: str, match: Match) -> bool:
        if self.several.only_request(match):
            return True
        return self.reader.single(text, match, ()).status == "smalltalk"

    def _only_values(self, text: str, bare_items: bool) -> bool:
        """ "cấp huyện có": a level set for every item; "hiện nay" (a stage, any value) only
        before items that are values alone ("…, trên đại học, lý luận chính trị") — not
        before one of its own ("ở cấp xã hiện có bao nhiêu cán bộ quản lý, chủ chốt …")."""
        match = self.reader.match(text)
        named = set(self.responder.matcher.slot_values(match.question)) - {"ask"}
        if not named or (named != {"level"} and not bare_items):
            return False
        return self.several.only_values(match)

    def _shares_its_ask(self, items: list[Clause]) -> bool:
        """Only the last item asks, by a word ending it that asks the same of every item ("…,
        số đảng viên là bao nhiêu?"); or only the first, by such a word opening it."""
        light = self.light_words

        def at(clause: Clause, end: bool) -> bool:
            question = self.reader.words(clause.text)
            folded = question.folded
            return any(
                all(w in light for w in (folded[b:] if end else folded[:a]))
                # "cấp huyện có bao nhiêu …, và …": a level before the ask sets it for all
                or (not end and self._only_values(" ".join(question.tokens[:a]), bare_items))
                for a, b in spans(folded, self.reading.shared_asks, question.tokens)
            )

        first, last = items[0], items[-1]
        if last.own_cue and not any(c.own_cue for c in items[:-1]):
            return at(last, end=True) or self.noun_and_its_ask(last)
        if not first.own_cue or any(c.own_cue for c in items[1:]):
            return False
        bare_items = all(self._bare_item(c) for c in items[1:])
        return at(first, end=False)

    def _bare_item(self, item: Clause) -> bool:
        """Values alone, or a word or two ("trên đại học", "đảng viên"): an item that borrows
        the first item's question."""
        match = self.reader.match(item.text)
        return len(match.question.folded) <= BOUND_NOUN or self.several.only_values(match)
